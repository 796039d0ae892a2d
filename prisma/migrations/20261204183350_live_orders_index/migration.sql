-- Live orders per account, and nothing else. The full ("accountId", status) index held every order
-- an account ever placed, and a plan made while the table was small used it for the order path's
-- Idempotency-Key lookup (accountId as its only index condition), so every placement read all of
-- the account's earlier orders: bench:paper's Postgres CPU per order doubled over one run. Partial,
-- it cannot serve that lookup (which then takes the unique ("accountId", "idempotencyKey") key),
-- stays as small as the open order book, and costs nothing to write for orders that end at once.
-- DropIndex
DROP INDEX "PaperOrder_accountId_status_idx";

-- CreateIndex
CREATE INDEX "PaperOrder_live_accountId_idx" ON "PaperOrder"("accountId") WHERE (status = ANY (ARRAY['OPEN'::"PaperOrderStatus", 'TRIGGER PENDING'::"PaperOrderStatus"]));
