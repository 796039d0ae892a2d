/** How many of the newest ledger entries the ledger shows (like orders and trades: a window, not the whole history). */
export const LEDGER_PAGE = 1000;
