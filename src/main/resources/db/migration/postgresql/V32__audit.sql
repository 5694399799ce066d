-- The audit log: appended, never changed. seq orders entries written in the same instant; a trigger refuses
-- UPDATE, DELETE and TRUNCATE, so not even a store bug can rewrite the past.
CREATE TABLE audit_log (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_kind VARCHAR(20) NOT NULL,
  actor_id VARCHAR(100),
  action VARCHAR(40) NOT NULL,
  target VARCHAR(200),
  details TEXT NOT NULL
);
CREATE INDEX audit_log_merchant ON audit_log (merchant_id, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
