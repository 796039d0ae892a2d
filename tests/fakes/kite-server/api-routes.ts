import type { IncomingMessage, ServerResponse } from 'node:http';
import { computeCharges } from './charges';
import { marginsFor } from './funds';
import { historicalCandles } from './historical';
import { inputError, KiteHttpError, parseJsonBody, sendCsv, sendSuccess } from './http-io';
import { KITE_EXCHANGES, type Instrument } from './instruments';
import { formatIstDate, formatIstDateTime } from './ist-time';
import { basketMargins, ContractNoteOrderSchema, type MarginMode, type MarginOrder, MarginOrderSchema, orderMargins, parseOrderList } from './margin-calculator';
import { fullQuote, ltpQuote, ohlcQuote } from './market';
import { orderHistoryFor, ordersFor, tradesFor } from './orders';
import { holdingsFor, positionsFor } from './portfolio';
import type { AccessSession } from './sessions';
import type { FakeKiteState } from './state';
import type { FakeZerodhaUser } from './users';

type Request = { method: string; pathname: string; query: URLSearchParams; body: string; req: IncomingMessage };
type Authed = Request & { session: AccessSession; user: FakeZerodhaUser; now: Date };
type Route = { method: string; pattern: RegExp; handle: (state: FakeKiteState, r: Authed, match: string[]) => unknown };

function profileOf(user: FakeZerodhaUser) {
  return {
    user_id: user.userId,
    user_type: user.userType,
    email: user.email,
    user_name: user.userName,
    user_shortname: user.userShortname,
    broker: 'ZERODHA',
    exchanges: user.exchanges,
    products: user.products,
    order_types: user.orderTypes,
    avatar_url: null,
    meta: { demat_consent: user.dematConsent },
  };
}

const marginMode = (query: URLSearchParams): MarginMode => (query.get('mode') === 'compact' ? 'compact' : 'full');

/** The account's open net positions as basket legs (what consider_positions adds on Kite). */
function positionLegs(state: FakeKiteState, r: Authed): MarginOrder[] {
  return positionsFor(state.book, r.user, r.now)
    .net.filter((position) => position.quantity !== 0)
    .map((position) => ({
      exchange: position.exchange,
      tradingsymbol: position.tradingsymbol,
      transaction_type: position.quantity > 0 ? ('BUY' as const) : ('SELL' as const),
      variety: 'regular',
      product: position.product,
      order_type: 'MARKET',
      quantity: Math.abs(position.quantity),
      price: position.last_price,
      trigger_price: 0,
    }));
}

const QUOTE_LIMITS = { full: 500, ohlc: 1000, ltp: 1000 } as const;

function quoteData(state: FakeKiteState, r: Authed, mode: keyof typeof QUOTE_LIMITS) {
  const keys = r.query.getAll('i');
  if (keys.length > QUOTE_LIMITS[mode]) throw inputError(`Too many instruments. Maximum allowed is ${QUOTE_LIMITS[mode]}.`);
  const data: Record<string, unknown> = {};
  for (const key of keys) {
    let instrument: Instrument | undefined;
    if (/^\d+$/.test(key)) instrument = state.book.byToken(Number(key));
    else {
      const separator = key.indexOf(':');
      if (separator > 0) instrument = state.book.find(key.slice(0, separator), key.slice(separator + 1));
    }
    // Kite leaves unknown instruments out of `data` rather than failing the whole call.
    if (!instrument) continue;
    data[key] = mode === 'ltp' ? ltpQuote(instrument, r.now) : mode === 'ohlc' ? ohlcQuote(instrument, r.now) : fullQuote(instrument, r.now);
  }
  return data;
}

const AUTHED_ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/user\/profile$/, handle: (_s, r) => profileOf(r.user) },
  { method: 'GET', pattern: /^\/user\/margins$/, handle: (s, r) => marginsFor(s.book, r.user, r.now) },
  {
    method: 'GET',
    pattern: /^\/user\/margins\/([^/]+)$/,
    handle: (s, r, [, segment]) => {
      const margins = marginsFor(s.book, r.user, r.now);
      if (segment === 'equity' || segment === 'commodity') return margins[segment];
      throw inputError('Invalid segment.');
    },
  },
  { method: 'GET', pattern: /^\/portfolio\/holdings$/, handle: (s, r) => holdingsFor(s.book, r.user, r.now) },
  { method: 'GET', pattern: /^\/portfolio\/holdings\/auctions$/, handle: () => [] },
  { method: 'GET', pattern: /^\/portfolio\/positions$/, handle: (s, r) => positionsFor(s.book, r.user, r.now) },
  { method: 'GET', pattern: /^\/orders$/, handle: (s, r) => ordersFor(s.book, r.user, r.now) },
  { method: 'GET', pattern: /^\/trades$/, handle: (s, r) => tradesFor(s.book, r.user, r.now) },
  {
    method: 'GET',
    pattern: /^\/orders\/(\d+)$/,
    handle: (s, r, [, orderId = '']) => {
      const history = orderHistoryFor(s.book, r.user, r.now, orderId);
      if (!history) throw inputError("Couldn't find that `order_id`.");
      return history;
    },
  },
  {
    method: 'GET',
    pattern: /^\/orders\/(\d+)\/trades$/,
    handle: (s, r, [, orderId = '']) => {
      if (!orderHistoryFor(s.book, r.user, r.now, orderId)) throw inputError("Couldn't find that `order_id`.");
      return tradesFor(s.book, r.user, r.now, orderId);
    },
  },
  { method: 'GET', pattern: /^\/quote$/, handle: (s, r) => quoteData(s, r, 'full') },
  { method: 'GET', pattern: /^\/quote\/ohlc$/, handle: (s, r) => quoteData(s, r, 'ohlc') },
  { method: 'GET', pattern: /^\/quote\/ltp$/, handle: (s, r) => quoteData(s, r, 'ltp') },
  {
    method: 'GET',
    pattern: /^\/instruments\/historical\/(\d+)\/([a-z0-9]+)$/,
    handle: (s, r, [, token, interval = '']) => {
      const instrument = s.book.byToken(Number(token));
      if (!instrument) throw inputError('invalid token');
      const query = { from: r.query.get('from'), to: r.query.get('to'), oi: r.query.get('oi') };
      return { candles: historicalCandles(instrument, interval, query, r.now) };
    },
  },
  {
    method: 'POST',
    pattern: /^\/charges\/orders$/,
    handle: (s, r) =>
      parseOrderList(ContractNoteOrderSchema, parseJsonBody(r.body)).map((order) => ({
        transaction_type: order.transaction_type,
        tradingsymbol: order.tradingsymbol,
        exchange: order.exchange,
        variety: order.variety,
        product: order.product,
        order_type: order.order_type,
        quantity: order.quantity,
        price: order.average_price,
        charges: computeCharges(
          s.book,
          {
            exchange: order.exchange,
            tradingsymbol: order.tradingsymbol,
            transactionType: order.transaction_type,
            product: order.product,
            quantity: order.quantity,
            price: order.average_price,
            tradeDate: formatIstDate(r.now),
          },
          s.charges,
        ),
      })),
  },
  {
    method: 'POST',
    pattern: /^\/margins\/orders$/,
    handle: (s, r) => orderMargins(s.book, parseOrderList(MarginOrderSchema, parseJsonBody(r.body)), r.now, s.charges, marginMode(r.query)),
  },
  {
    method: 'POST',
    pattern: /^\/margins\/basket$/,
    handle: (s, r) =>
      basketMargins(s.book, parseOrderList(MarginOrderSchema, parseJsonBody(r.body)), r.now, s.charges, {
        mode: marginMode(r.query),
        // Kite's default is to consider the account's positions; kiteconnect sends "true"/"false".
        ...(r.query.get('consider_positions') !== 'false' && { positions: positionLegs(s, r) }),
      }),
  },
];

function sessionPayload(session: AccessSession, user: FakeZerodhaUser) {
  return {
    ...profileOf(user),
    api_key: session.apiKey,
    access_token: session.accessToken,
    public_token: session.publicToken,
    enctoken: session.enctoken,
    refresh_token: '',
    silo: '',
    login_time: formatIstDateTime(session.loginTime),
  };
}

/** Handles every Kite API route. Throws KiteHttpError for Kite-style failures. */
export function handleApi(state: FakeKiteState, request: Request, res: ServerResponse): void {
  const { method, pathname, query } = request;
  if (pathname === '/session/token' && method === 'POST') {
    const form = new URLSearchParams(request.body);
    const session = state.sessions.exchange({
      apiKey: form.get('api_key') ?? undefined,
      requestToken: form.get('request_token') ?? undefined,
      checksum: form.get('checksum') ?? undefined,
    });
    const user = state.users.get(session.userId);
    if (!user) throw new KiteHttpError(500, 'GeneralException', 'Unknown user');
    return sendSuccess(res, sessionPayload(session, user));
  }
  if (pathname === '/session/token' && method === 'DELETE') {
    state.sessions.invalidate(query.get('api_key') ?? undefined, query.get('access_token') ?? undefined);
    return sendSuccess(res, true);
  }
  // The instrument dump is public on Kite; it needs no session.
  const instruments = /^\/instruments(?:\/([A-Za-z]+))?$/.exec(pathname);
  if (instruments && method === 'GET') {
    const exchange = instruments[1]?.toUpperCase();
    if (exchange !== undefined && !(KITE_EXCHANGES as readonly string[]).includes(exchange)) {
      throw inputError('Invalid exchange.');
    }
    return sendCsv(res, state.book.csv(exchange));
  }
  const session = state.sessions.authenticate(request.req.headers.authorization, request.req.headers['x-kite-version']?.toString());
  const user = state.users.get(session.userId);
  if (!user) throw new KiteHttpError(500, 'GeneralException', 'Unknown user');
  const authed: Authed = { ...request, session, user, now: state.clock.now() };
  for (const route of AUTHED_ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    if (route.method !== method) continue;
    return sendSuccess(res, route.handle(state, authed, [...match]));
  }
  const known = AUTHED_ROUTES.some((route) => route.pattern.test(pathname));
  throw known
    ? new KiteHttpError(405, 'InputException', 'Method not allowed')
    : new KiteHttpError(404, 'GeneralException', 'Route not found');
}
