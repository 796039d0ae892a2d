-- Server processes keep the sessions they have checked in memory (lib/auth/session-cache.ts) and
-- listen on this channel for the changes that end or alter one: a session revoked, expired early
-- or deleted; a user deleted or their name, email or role changed. Triggers, so that no code path
-- (sign-out, "sign out everywhere", a password change, an admin's UPDATE in psql) can forget it.
CREATE FUNCTION td_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'UserSession' THEN
    PERFORM pg_notify('tradedeck_auth', 's:' || OLD."id"::text);
  ELSE
    PERFORM pg_notify('tradedeck_auth', 'u:' || OLD."id"::text);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER user_session_auth_change AFTER UPDATE OF "revokedAt", "expiresAt", "userId" OR DELETE ON "UserSession"
  FOR EACH ROW EXECUTE FUNCTION td_notify_auth_change();

CREATE TRIGGER user_auth_change AFTER UPDATE OF "email", "name", "role" OR DELETE ON "User"
  FOR EACH ROW EXECUTE FUNCTION td_notify_auth_change();
