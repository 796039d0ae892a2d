-- Neither index serves a query: open orders are found per account ("accountId", status) and the
-- ledger is read per account. Each cost an index insert on every order and ledger row written.

-- DropIndex
DROP INDEX "LedgerEntry_refId_idx";

-- DropIndex
DROP INDEX "PaperOrder_status_idx";
