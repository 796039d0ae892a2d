-- Orders, fills and ledger entries already reach their user through a composite key (account or
-- order, with userId), and the account references the user: those keys keep userId consistent and
-- cascade a user's deletion. The direct userId → User keys checked the same thing again on every
-- row written (about a fifth of the order path's write statement), and their indexes served no query
-- (every read filters by account or order).

-- DropForeignKey
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_userId_fkey";

-- DropForeignKey
ALTER TABLE "PaperFill" DROP CONSTRAINT "PaperFill_userId_fkey";

-- DropForeignKey
ALTER TABLE "PaperOrder" DROP CONSTRAINT "PaperOrder_userId_fkey";

-- DropIndex
DROP INDEX "LedgerEntry_userId_idx";

-- DropIndex
DROP INDEX "PaperFill_userId_idx";
