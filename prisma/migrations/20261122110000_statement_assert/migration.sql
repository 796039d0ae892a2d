-- A statement that must fail as a whole when a condition on its own result does not hold (a
-- booking that did not write every row it planned). The order path sends its last write together
-- with the COMMIT, so the check cannot wait for the application to read the result.
CREATE FUNCTION td_assert(ok boolean, message text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION '%', message USING ERRCODE = 'check_violation';
  END IF;
  RETURN true;
END;
$$;
