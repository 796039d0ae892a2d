import { AppError } from '@/lib/errors';
import { withUser } from '@/lib/http/route';

// Unknown API paths answer in the one JSON error shape: 401 when signed out, 404 when signed in.
const unknownRoute = withUser({}, async ({ request }) => {
  throw new AppError('not_found', `No API route ${request.method} ${new URL(request.url).pathname}.`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
