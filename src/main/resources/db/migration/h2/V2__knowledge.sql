-- Knowledge base (embedded): documents, their chunks with vectors as little-endian float bytes, and a revision per
-- merchant that caches compare against.
CREATE TABLE knowledge_documents (
  merchant_id VARCHAR(40) NOT NULL,
  doc_id VARCHAR(40) NOT NULL,
  source_name VARCHAR(300) NOT NULL,
  title VARCHAR(300) NOT NULL,
  doc_type VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  reason VARCHAR(1000),
  chunks INT NOT NULL,
  bytes BIGINT NOT NULL,
  generation INT NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, doc_id),
  CONSTRAINT knowledge_documents_source UNIQUE (merchant_id, source_name)
);
CREATE INDEX knowledge_documents_status ON knowledge_documents (status, updated_at);

CREATE TABLE knowledge_chunks (
  merchant_id VARCHAR(40) NOT NULL,
  chunk_id VARCHAR(60) NOT NULL,
  doc_id VARCHAR(40) NOT NULL,
  ordinal INT NOT NULL,
  title VARCHAR(300) NOT NULL,
  heading_path VARCHAR(1000) NOT NULL,
  text VARCHAR NOT NULL,
  retrieval_text VARCHAR NOT NULL,
  embedding VARBINARY(4096) NOT NULL,
  PRIMARY KEY (merchant_id, chunk_id)
);
CREATE INDEX knowledge_chunks_doc ON knowledge_chunks (merchant_id, doc_id, ordinal);

CREATE TABLE knowledge_revisions (
  merchant_id VARCHAR(40) PRIMARY KEY,
  revision BIGINT NOT NULL
);
