-- Production (PostgreSQL). Entities are kept as JSON text beside the columns that are queried.
CREATE TABLE settings (name VARCHAR(100) PRIMARY KEY, value VARCHAR(4000) NOT NULL);

CREATE TABLE merchants (
  merchant_id VARCHAR(40) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  locale VARCHAR(20) NOT NULL,
  api_key_hash VARCHAR(64) NOT NULL UNIQUE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE agents (
  merchant_id VARCHAR(40) NOT NULL,
  agent_id VARCHAR(64) NOT NULL,
  token_hash VARCHAR(64) NOT NULL UNIQUE,
  body TEXT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, agent_id)
);

CREATE TABLE products (
  merchant_id VARCHAR(40) NOT NULL,
  sku VARCHAR(64) NOT NULL,
  spu VARCHAR(64) NOT NULL,
  body TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, sku)
);
CREATE INDEX products_spu ON products (merchant_id, spu);

CREATE TABLE orders (
  merchant_id VARCHAR(40) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, order_id)
);
CREATE INDEX orders_buyer ON orders (merchant_id, buyer_id, created_at);

CREATE TABLE policies (
  merchant_id VARCHAR(40) PRIMARY KEY,
  body TEXT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
