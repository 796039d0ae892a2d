import { readAnalysisImage } from '@/lib/analysis/read-analysis-image';
import { withUser } from '@/lib/http/route';

export const GET = withUser({}, async ({ params, user }) => {
  const image = await readAnalysisImage({ userId: user.id, analysisId: String(params.id ?? ''), position: String(params.position ?? '') });
  return new Response(new Uint8Array(image.data), {
    headers: {
      'content-type': image.mediaType,
      'content-length': String(image.data.length),
      // Private screenshots: never kept by a browser or proxy cache.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-disposition': 'inline',
    },
  });
});
