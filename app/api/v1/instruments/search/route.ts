import { otherMethods, withUser } from '@/lib/http/route';
import { InstrumentSearchQuerySchema, searchInstruments } from '@/lib/instruments/search-instruments';

export const GET = withUser({ query: InstrumentSearchQuerySchema }, async ({ query }) => ({
  data: { instruments: await searchInstruments({ q: query.q, limit: query.limit }) },
}));

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
