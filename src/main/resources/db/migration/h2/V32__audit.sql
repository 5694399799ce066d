-- The audit log: appended, never changed. seq orders entries written in the same instant; a trigger refuses
-- UPDATE and DELETE, so not even a store bug can rewrite the past.
CREATE TABLE audit_log (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_kind VARCHAR(20) NOT NULL,
  actor_id VARCHAR(100),
  action VARCHAR(40) NOT NULL,
  target VARCHAR(200),
  details VARCHAR NOT NULL
);
CREATE INDEX audit_log_merchant ON audit_log (merchant_id, at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW CALL 'dev.nectar.audit.AppendOnlyTrigger';
