// The sandbox's built-in Kite app. A fake credential that only this fake server accepts; kept in one
// place (no imports) so the Playwright config and every test can share it.
export const DEMO_APP = { apiKey: 'tdsandboxdemo001', apiSecret: 'tdsandboxdemosecret0000000000001', name: 'Tradedeck (sandbox)' };
