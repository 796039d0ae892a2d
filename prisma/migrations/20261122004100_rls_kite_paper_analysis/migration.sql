-- Row-level security for the user-owned tables of the Kite, paper-trading and analysis features
-- (same policy as 20261122002500_row_level_security). Grants come from the default privileges.

-- Login state is read before a user context exists (the OAuth-style callback), like the auth tables.
REVOKE ALL ON "KiteLoginState", "Job" FROM tradedeck_app;
-- The instrument master is shared reference data: readable, never written, inside a user's unit of work.
REVOKE INSERT, UPDATE, DELETE ON "Instrument" FROM tradedeck_app;

ALTER TABLE "KiteApp" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "KiteApp" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "KiteApp"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "KiteSession" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "KiteSession" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "KiteSession"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "PortfolioSnapshot" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PortfolioSnapshot" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PortfolioSnapshot"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "PaperOrder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PaperOrder" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PaperOrder"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "PaperFill" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PaperFill" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PaperFill"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "PaperPosition" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PaperPosition" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PaperPosition"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "PaperHolding" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PaperHolding" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "PaperHolding"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "Analysis" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Analysis" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "Analysis"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "AnalysisImage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AnalysisImage" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "AnalysisImage"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));

ALTER TABLE "JournalTrade" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "JournalTrade" FORCE ROW LEVEL SECURITY;
CREATE POLICY user_isolation ON "JournalTrade"
  USING ("userId"::text = current_setting('app.user_id', true))
  WITH CHECK ("userId"::text = current_setting('app.user_id', true));
