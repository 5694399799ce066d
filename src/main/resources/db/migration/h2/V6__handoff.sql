-- Handoff queue: serving order and the place in line last told to the buyer; presence of agent consoles;
-- knowledge learned from agents; per-merchant handoff settings (service hours).
ALTER TABLE handoffs ADD COLUMN priority INTEGER DEFAULT 3 NOT NULL;
ALTER TABLE handoffs ADD COLUMN skill VARCHAR(64) DEFAULT 'general' NOT NULL;
ALTER TABLE handoffs ADD COLUMN last_position INTEGER;
CREATE INDEX handoffs_queue ON handoffs (status, merchant_id, priority, created_at);
CREATE INDEX handoffs_agent ON handoffs (merchant_id, agent_id, status);
CREATE INDEX handoffs_conversation ON handoffs (merchant_id, conversation_id, status);

CREATE TABLE agent_presence (
  merchant_id VARCHAR(40) NOT NULL,
  agent_id VARCHAR(64) NOT NULL,
  available BOOLEAN NOT NULL,
  last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, agent_id)
);

CREATE TABLE agent_sessions (
  session_id VARCHAR(64) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  agent_id VARCHAR(64) NOT NULL,
  node_id VARCHAR(64) NOT NULL,
  seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agent_sessions_agent ON agent_sessions (merchant_id, agent_id, seen_at);
CREATE INDEX agent_sessions_node ON agent_sessions (node_id);

CREATE TABLE knowledge_suggestions (
  suggestion_id VARCHAR(40) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body VARCHAR NOT NULL
);
CREATE INDEX knowledge_suggestions_merchant ON knowledge_suggestions (merchant_id, status, created_at);

CREATE TABLE handoff_settings (
  merchant_id VARCHAR(40) PRIMARY KEY,
  body VARCHAR NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
