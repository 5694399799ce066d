CREATE TABLE conversations (
  conversation_id VARCHAR(40) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  rating INTEGER,
  handoff_id VARCHAR(40),
  state VARCHAR NOT NULL
);
CREATE INDEX conversations_buyer ON conversations (merchant_id, buyer_id, updated_at);

CREATE TABLE turns (
  conversation_id VARCHAR(40) NOT NULL,
  seq INTEGER NOT NULL,
  role VARCHAR(10) NOT NULL,
  body VARCHAR NOT NULL,
  at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, seq)
);

CREATE TABLE handoffs (
  handoff_id VARCHAR(40) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  conversation_id VARCHAR(40) NOT NULL,
  status VARCHAR(20) NOT NULL,
  agent_id VARCHAR(64),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body VARCHAR NOT NULL
);
CREATE INDEX handoffs_merchant ON handoffs (merchant_id, status, created_at);
