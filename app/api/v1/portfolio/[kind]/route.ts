import { notFound } from '@/lib/errors';
import { otherMethods, withUser } from '@/lib/http/route';
import { getPortfolioView } from '@/lib/portfolio/get-portfolio-view';
import { isPortfolioKind } from '@/lib/portfolio/kinds';

/** GET /api/v1/portfolio/{holdings,positions,orders,trades,margins}: live, or the dated snapshot. */
export const GET = withUser({}, async ({ user, params }) => {
  if (!isPortfolioKind(params.kind)) throw notFound('Portfolio view');
  return { data: await getPortfolioView({ userId: user.id, kind: params.kind }) };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
