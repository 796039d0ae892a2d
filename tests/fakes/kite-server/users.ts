// Fake Zerodha accounts. Portfolios are specs; prices come from market.ts at request time.

export type HoldingSpec = {
  exchange: string;
  tradingsymbol: string;
  isin: string;
  quantity: number;
  t1Quantity?: number;
  averagePrice: number;
  collateralQuantity?: number;
  authorisedQuantity?: number;
};

/** Fills happen at the fake market's price at that IST time today, so they sit inside the day's range. */
export type FillSpec = { quantity: number; time: string };

export type PositionSpec = {
  exchange: string;
  /** "NIFTY-FUT" stands for the current-month NIFTY future generated at startup. */
  tradingsymbol: string;
  product: 'MIS' | 'CNC' | 'NRML';
  /** Carried from yesterday, averaged at the fake market's price at 11:00 IST the previous day. */
  overnight?: { quantity: number };
  buys?: readonly FillSpec[];
  sells?: readonly FillSpec[];
};

export type ExtraOrderSpec = {
  exchange: string;
  tradingsymbol: string;
  transactionType: 'BUY' | 'SELL';
  product: 'MIS' | 'CNC' | 'NRML';
  orderType: 'LIMIT' | 'SL' | 'MARKET';
  quantity: number;
  price: number;
  triggerPrice?: number;
  status: 'OPEN' | 'CANCELLED' | 'REJECTED' | 'TRIGGER PENDING';
  statusMessage?: string;
  time: string;
};

export type FundsSpec = {
  equity: { enabled: boolean; openingBalance: number; intradayPayin: number; adhocMargin: number; payout: number };
  commodity: { enabled: boolean; openingBalance: number; intradayPayin: number; adhocMargin: number; payout: number };
};

export type FakeZerodhaUser = {
  userId: string;
  password: string;
  userName: string;
  userShortname: string;
  email: string;
  userType: 'individual';
  dematConsent: 'physical' | 'consent' | '';
  exchanges: readonly string[];
  products: readonly string[];
  orderTypes: readonly string[];
  holdings: readonly HoldingSpec[];
  positions: readonly PositionSpec[];
  extraOrders: readonly ExtraOrderSpec[];
  funds: FundsSpec;
};

const ALL_EXCHANGES = ['BFO', 'MCX', 'NSE', 'CDS', 'BSE', 'BCD', 'MF', 'NFO'] as const;
const PRODUCTS = ['CNC', 'NRML', 'MIS', 'BO', 'CO'] as const;
const ORDER_TYPES = ['MARKET', 'LIMIT', 'SL', 'SL-M'] as const;
const noCommodity = { enabled: false, openingBalance: 0, intradayPayin: 0, adhocMargin: 0, payout: 0 };

export const DEFAULT_USERS: readonly FakeZerodhaUser[] = [
  {
    userId: 'AB1234',
    password: 'demo-aarav',
    userName: 'Aarav Sharma',
    userShortname: 'Aarav',
    email: 'aarav.sharma@example.in',
    userType: 'individual',
    dematConsent: 'physical',
    exchanges: ALL_EXCHANGES,
    products: PRODUCTS,
    orderTypes: ORDER_TYPES,
    holdings: [
      { exchange: 'NSE', tradingsymbol: 'INFY', isin: 'INE009A01021', quantity: 40, averagePrice: 1385.5 },
      { exchange: 'NSE', tradingsymbol: 'RELIANCE', isin: 'INE002A01018', quantity: 25, averagePrice: 1262.35, collateralQuantity: 10 },
      { exchange: 'NSE', tradingsymbol: 'TCS', isin: 'INE467B01029', quantity: 8, averagePrice: 3618.4 },
      { exchange: 'NSE', tradingsymbol: 'HDFCBANK', isin: 'INE040A01034', quantity: 60, averagePrice: 812.275 },
      { exchange: 'NSE', tradingsymbol: 'SBIN', isin: 'INE062A01020', quantity: 50, t1Quantity: 10, averagePrice: 801.78125 },
      { exchange: 'NSE', tradingsymbol: 'ITC', isin: 'INE154A01025', quantity: 120, averagePrice: 437.9 },
    ],
    positions: [
      {
        exchange: 'NSE',
        tradingsymbol: 'INFY',
        product: 'MIS',
        buys: [{ quantity: 20, time: '09:21:14' }],
        sells: [{ quantity: 10, time: '11:02:47' }],
      },
      { exchange: 'NSE', tradingsymbol: 'ICICIBANK', product: 'CNC', buys: [{ quantity: 15, time: '10:05:32' }] },
    ],
    extraOrders: [
      {
        exchange: 'NSE',
        tradingsymbol: 'TCS',
        transactionType: 'BUY',
        product: 'CNC',
        orderType: 'LIMIT',
        quantity: 5,
        price: 2950,
        status: 'OPEN',
        time: '09:30:02',
      },
      {
        exchange: 'NSE',
        tradingsymbol: 'BHARTIARTL',
        transactionType: 'BUY',
        product: 'CNC',
        orderType: 'MARKET',
        quantity: 400,
        price: 0,
        status: 'REJECTED',
        statusMessage:
          'Insufficient funds. Required margin is 824312.50 but available margin is 187419.35. Check the orderbook for open orders.',
        time: '12:44:19',
      },
    ],
    funds: {
      equity: { enabled: true, openingBalance: 245431.6, intradayPayin: 15000, adhocMargin: 0, payout: 0 },
      commodity: { enabled: true, openingBalance: 20000, intradayPayin: 0, adhocMargin: 0, payout: 0 },
    },
  },
  {
    userId: 'CD5678',
    password: 'demo-priya',
    userName: 'Priya Nair',
    userShortname: 'Priya',
    email: 'priya.nair@example.in',
    userType: 'individual',
    dematConsent: 'consent',
    exchanges: ALL_EXCHANGES,
    products: PRODUCTS,
    orderTypes: ORDER_TYPES,
    holdings: [
      { exchange: 'BSE', tradingsymbol: 'SBIN', isin: 'INE062A01020', quantity: 16, averagePrice: 801.78125 },
      { exchange: 'NSE', tradingsymbol: 'ICICIBANK', isin: 'INE090A01021', quantity: 35, averagePrice: 1102.6, collateralQuantity: 35 },
      { exchange: 'NSE', tradingsymbol: 'BHARTIARTL', isin: 'INE397D01024', quantity: 12, averagePrice: 1720.45 },
      { exchange: 'NSE', tradingsymbol: 'ITC', isin: 'INE154A01025', quantity: 300, averagePrice: 452.1 },
    ],
    positions: [
      {
        exchange: 'NFO',
        tradingsymbol: 'NIFTY-FUT',
        product: 'NRML',
        overnight: { quantity: 65 },
        buys: [{ quantity: 65, time: '10:12:08' }],
        sells: [{ quantity: 65, time: '14:48:51' }],
      },
      {
        exchange: 'NSE',
        tradingsymbol: 'RELIANCE',
        product: 'MIS',
        sells: [{ quantity: 30, time: '09:47:26' }],
        buys: [{ quantity: 30, time: '13:15:40' }],
      },
    ],
    extraOrders: [
      {
        exchange: 'NSE',
        tradingsymbol: 'ITC',
        transactionType: 'SELL',
        product: 'CNC',
        orderType: 'SL',
        quantity: 100,
        price: 395,
        triggerPrice: 396,
        status: 'TRIGGER PENDING',
        time: '09:16:55',
      },
      {
        exchange: 'NSE',
        tradingsymbol: 'HDFCBANK',
        transactionType: 'BUY',
        product: 'MIS',
        orderType: 'LIMIT',
        quantity: 50,
        price: 950,
        status: 'CANCELLED',
        time: '10:40:10',
      },
    ],
    funds: {
      equity: { enabled: true, openingBalance: 612750.25, intradayPayin: 0, adhocMargin: 0, payout: 25000 },
      commodity: { enabled: true, openingBalance: 100661.7, intradayPayin: 0, adhocMargin: 0, payout: 0 },
    },
  },
  {
    userId: 'EF9012',
    password: 'demo-rohan',
    userName: 'Rohan Mehta',
    userShortname: 'Rohan',
    email: 'rohan.mehta@example.in',
    userType: 'individual',
    dematConsent: '',
    exchanges: ['NSE', 'BSE', 'MF'],
    products: ['CNC', 'MIS'],
    orderTypes: ORDER_TYPES,
    holdings: [],
    positions: [],
    extraOrders: [],
    funds: {
      equity: { enabled: true, openingBalance: 5000, intradayPayin: 0, adhocMargin: 0, payout: 0 },
      commodity: noCommodity,
    },
  },
];
