-- Knowledge base (production): documents, chunks with pgvector embeddings (cosine HNSW index, filtered by
-- merchant), and a revision per merchant that every node's caches compare against.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS vector;
EXCEPTION WHEN OTHERS THEN
  RAISE EXCEPTION 'Nectar needs the pgvector extension and could not create it (%). Ask a database superuser to run "CREATE EXTENSION vector;" in this database, then start Nectar again.', SQLERRM;
END
$$;

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
  text TEXT NOT NULL,
  retrieval_text TEXT NOT NULL,
  embedding vector(512) NOT NULL,
  PRIMARY KEY (merchant_id, chunk_id)
);
CREATE INDEX knowledge_chunks_doc ON knowledge_chunks (merchant_id, doc_id, ordinal);
CREATE INDEX knowledge_chunks_embedding ON knowledge_chunks USING hnsw (embedding vector_cosine_ops);

CREATE TABLE knowledge_revisions (
  merchant_id VARCHAR(40) PRIMARY KEY,
  revision BIGINT NOT NULL
);
