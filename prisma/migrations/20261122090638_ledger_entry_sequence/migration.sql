-- Insertion order of ledger entries: one booking writes several with the same createdAt, and the
-- running balance must follow the order they were booked in. Existing rows are numbered in their
-- physical order, which is their insertion order for this append-only table.
-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- The app role inserts ledger entries under row-level security and so draws from the sequence.
GRANT USAGE ON SEQUENCE "LedgerEntry_seq_seq" TO tradedeck_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO tradedeck_app;
