-- A paper account's cash is the sum of its ledger. Summing the ledger on every order costs more as
-- the ledger grows, so the sum is kept on the account row, which every order locks anyway. The
-- ledger stays the source of truth: a trigger keeps the column in step with every insert whatever
-- code path writes it, and reconciliation compares the two.
ALTER TABLE "PaperAccount" ADD COLUMN "cash" DECIMAL(18,2) NOT NULL DEFAULT 0;

UPDATE "PaperAccount" a
SET "cash" = s.total
FROM (SELECT "accountId", SUM("amount") AS total FROM "LedgerEntry" GROUP BY "accountId") s
WHERE a."id" = s."accountId";

-- Statement-level with a transition table: one UPDATE per account per statement, however many
-- entries the statement inserted. Runs with the inserting role's rights, so row-level security
-- still limits it to the user's own account.
CREATE FUNCTION paper_account_add_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PaperAccount" a
  SET "cash" = a."cash" + s.total
  FROM (SELECT "accountId", SUM("amount") AS total FROM inserted GROUP BY "accountId") s
  WHERE a."id" = s."accountId";
  RETURN NULL;
END;
$$;

CREATE TRIGGER ledger_entry_cash
AFTER INSERT ON "LedgerEntry"
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION paper_account_add_ledger();

-- The ledger is append-only: a correction is a new entry. Rows go only with their account
-- (cascade on account or user deletion), which is not an UPDATE.
CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LedgerEntry rows are append-only; post a correcting entry instead';
END;
$$;

CREATE TRIGGER ledger_entry_no_update
BEFORE UPDATE ON "LedgerEntry"
FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- The ledger rows of one order or position (reconciliation of margin per order and position).
CREATE INDEX "LedgerEntry_refId_idx" ON "LedgerEntry"("refId");

-- The margin held against a position, kept on its row (the ledger stays the record; reconciliation
-- compares them), so booking a fill does not sum every margin movement of the position's day.
ALTER TABLE "PaperPosition" ADD COLUMN "marginHeld" DECIMAL(18,2) NOT NULL DEFAULT 0;

UPDATE "PaperPosition" p
SET "marginHeld" = -s.total
FROM (SELECT "refId", SUM("amount") AS total FROM "LedgerEntry" WHERE "kind" IN ('MARGIN_BLOCK', 'MARGIN_RELEASE') AND "refId" IS NOT NULL GROUP BY "refId") s
WHERE p."id" = s."refId";

-- An order's earlier fills (their charges), and an account's live orders (CNC sell claims, the engine).
CREATE INDEX "PaperFill_orderId_idx" ON "PaperFill"("orderId");
CREATE INDEX "PaperOrder_accountId_status_idx" ON "PaperOrder"("accountId", "status");
