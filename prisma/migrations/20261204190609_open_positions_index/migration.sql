-- Open positions per account. A position row is kept for every day a scrip and product traded, so
-- "the open position" through the unique key meant reading every earlier day's row of the scrip:
-- the order path's read behind the lock grew with the days an account had traded, and the engine's
-- pass and the positions view filtered all of an account's rows. Flat rows are not in this index;
-- its columns are the unique key's, so it serves the same orderings with fewer entries.
-- CreateIndex
CREATE INDEX "PaperPosition_open_idx" ON "PaperPosition"("accountId", "exchange", "tradingsymbol", "product", "tradingDay") WHERE (quantity <> 0);
