-- Webhooks: a merchant's endpoints (the secret is kept in clear: it signs every delivery) and the outbox, one row per
-- event and endpoint; a node owns a row while claimed_until is in the future (claimed_by names that claim).
CREATE TABLE webhooks (
  webhook_id VARCHAR(40) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  url VARCHAR(2048) NOT NULL,
  secret VARCHAR(128) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX webhooks_merchant ON webhooks (merchant_id, created_at);

CREATE TABLE webhook_deliveries (
  delivery_id VARCHAR(40) PRIMARY KEY,
  webhook_id VARCHAR(40) NOT NULL,
  merchant_id VARCHAR(40) NOT NULL,
  event_id VARCHAR(40) NOT NULL,
  event VARCHAR(40) NOT NULL,
  payload TEXT NOT NULL,
  status VARCHAR(20) NOT NULL,
  attempts INTEGER DEFAULT 0 NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  deadline TIMESTAMP WITH TIME ZONE NOT NULL,
  last_attempt_at TIMESTAMP WITH TIME ZONE,
  response_status INTEGER,
  claimed_by VARCHAR(40),
  claimed_until TIMESTAMP WITH TIME ZONE,
  UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at);
