-- A rotated API key keeps working until its grace period ends; revoking a buyer's tokens refuses every token of
-- that buyer issued before the revocation (buyer tokens are signed, not stored, so the cut-off is what is kept).
CREATE TABLE retired_api_keys (
  key_hash VARCHAR(64) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE buyer_token_revocations (
  merchant_id VARCHAR(40) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  revoked_before TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, buyer_id)
);
