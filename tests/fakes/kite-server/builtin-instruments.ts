import type { Instrument } from './instruments';
import { formatIstDate } from './ist-time';

// Used when the bundled file does not exist yet. Tokens follow Kite's exchange_token * 256 + segment rule.
export const BUILT_IN_CSV = `instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,segment,exchange
408065,1594,INFY,INFOSYS,0.0,,0.0,0.05,1,EQ,NSE,NSE
738561,2885,RELIANCE,RELIANCE INDUSTRIES,0.0,,0.0,0.05,1,EQ,NSE,NSE
2953217,11536,TCS,TATA CONSULTANCY SERV LT,0.0,,0.0,0.05,1,EQ,NSE,NSE
341249,1333,HDFCBANK,HDFC BANK,0.0,,0.0,0.05,1,EQ,NSE,NSE
779521,3045,SBIN,STATE BANK OF INDIA,0.0,,0.0,0.05,1,EQ,NSE,NSE
424961,1660,ITC,ITC,0.0,,0.0,0.05,1,EQ,NSE,NSE
1270529,4963,ICICIBANK,ICICI BANK,0.0,,0.0,0.05,1,EQ,NSE,NSE
2714625,10604,BHARTIARTL,BHARTI AIRTEL,0.0,,0.0,0.05,1,EQ,NSE,NSE
256265,1001,NIFTY 50,NIFTY 50,0.0,,0.0,0.0,0,EQ,INDICES,NSE
260105,1016,NIFTY BANK,NIFTY BANK,0.0,,0.0,0.0,0,EQ,INDICES,NSE
128028676,500112,SBIN,STATE BANK OF INDIA,0.0,,0.0,0.05,1,EQ,BSE,BSE
265,1,SENSEX,SENSEX,0.0,,0.0,0.0,0,EQ,INDICES,BSE
`;

/** Current-month NIFTY future (last Tuesday, holidays ignored), for when the instrument master has no unexpired one. */
export function niftyFutureFor(now: Date): Instrument {
  const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  const today = formatIstDate(now);
  for (let offset = 0; ; offset += 1) {
    const [y = 0, m = 1] = today.split('-').map(Number);
    const year = y + Math.floor((m - 1 + offset) / 12);
    const month = ((m - 1 + offset) % 12) + 1;
    const lastDay = new Date(Date.UTC(year, month, 0));
    const back = (lastDay.getUTCDay() - 2 + 7) % 7;
    const expiry = new Date(Date.UTC(year, month - 1, lastDay.getUTCDate() - back));
    const expiryText = expiry.toISOString().slice(0, 10);
    if (expiryText < today) continue;
    const symbol = `NIFTY${String(year).slice(2)}${months[month - 1]}FUT`;
    const exchangeToken = 35000 + (year % 100) * 12 + month;
    const token = exchangeToken * 256 + 2;
    const fields = [token, exchangeToken, symbol, 'NIFTY', '0.0', expiryText, '0.0', '0.1', '65', 'FUT', 'NFO-FUT', 'NFO'];
    return {
      instrumentToken: token,
      exchangeToken,
      tradingsymbol: symbol,
      name: 'NIFTY',
      lastPrice: 0,
      expiry: expiryText,
      strike: 0,
      tickSize: 0.1,
      lotSize: 65,
      instrumentType: 'FUT',
      segment: 'NFO-FUT',
      exchange: 'NFO',
      csvLine: fields.join(','),
    };
  }
}
