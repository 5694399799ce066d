-- one row per inspected conversation: inserted as CLAIMED by the node that inspects it (the primary key makes the
-- claim atomic across nodes), then DONE with the record
CREATE TABLE quality_records (
  conversation_id VARCHAR(40) PRIMARY KEY,
  merchant_id VARCHAR(40) NOT NULL,
  status VARCHAR(10) NOT NULL,
  node VARCHAR(64) NOT NULL,
  claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  inspected_at TIMESTAMP WITH TIME ZONE,
  score INTEGER,
  body VARCHAR
);
CREATE INDEX quality_records_merchant ON quality_records (merchant_id, inspected_at);

-- the agents who took part in an inspected conversation, for the agent filter and grades
CREATE TABLE quality_agents (
  conversation_id VARCHAR(40) NOT NULL,
  agent_id VARCHAR(64) NOT NULL,
  merchant_id VARCHAR(40) NOT NULL,
  inspected_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (conversation_id, agent_id)
);
CREATE INDEX quality_agents_agent ON quality_agents (merchant_id, agent_id, inspected_at);

-- the sweep looks for conversations that are closed or idle
CREATE INDEX conversations_touched ON conversations (updated_at);

CREATE TABLE service_settings (
  merchant_id VARCHAR(40) PRIMARY KEY,
  body VARCHAR NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
