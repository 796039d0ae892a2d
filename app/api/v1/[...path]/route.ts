import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/respond';

// Unknown API paths answer in the same JSON error shape as everything else, not with an HTML page.
function unknownRoute(request: Request): Response {
  return errorResponse(new AppError('not_found', `No API route ${request.method} ${new URL(request.url).pathname}.`), 'api');
}

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
