import { checkHealth } from '@/lib/health/check-health';
import { otherMethods, withPublic } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = withPublic({}, async () => {
  const health = await checkHealth();
  return { status: health.status === 'ok' ? 200 : 503, data: health };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
