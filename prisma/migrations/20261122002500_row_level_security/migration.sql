-- Row-level security: the safety net under lib/'s scoped queries.
-- The app switches to tradedeck_app (SET LOCAL ROLE in lib/db/rls.ts) for every user-scoped unit
-- of work, with app.user_id set for that transaction. Neither a superuser nor the table owner would
-- be held by the policies, hence the separate role. An unset app.user_id matches no rows.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tradedeck_app') THEN
    CREATE ROLE tradedeck_app NOLOGIN NOINHERIT;
  END IF;
END
$$;

-- The migrating role must be able to switch to tradedeck_app at run time.
GRANT tradedeck_app TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO tradedeck_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO tradedeck_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tradedeck_app;
-- Auth tables and migration bookkeeping stay out of reach inside a user's unit of work.
REVOKE ALL ON "User", "UserSession", "RateLimitBucket" FROM tradedeck_app;
-- A shadow database (drift checks, migrate dev) replays migrations without _prisma_migrations.
DO $$
BEGIN
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON "_prisma_migrations" FROM tradedeck_app;
  END IF;
END
$$;

ALTER TABLE "PaperAccount" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PaperAccount" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PaperAccount"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "LedgerEntry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "LedgerEntry" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "LedgerEntry"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));
