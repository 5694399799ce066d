-- Embedded (H2). Image metadata, verdicts and evidence hashes; the bytes live in files under <data>/images
-- (image_blobs exists so the database-backed ImageStore can be exercised on H2 too).
CREATE TABLE images (
  merchant_id VARCHAR(40) NOT NULL,
  image_id VARCHAR(64) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  format VARCHAR(10) NOT NULL,
  width INT NOT NULL,
  height INT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  phash BIGINT,
  captured_at TIMESTAMP WITH TIME ZONE,
  image_signals VARCHAR NOT NULL,
  verification VARCHAR NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, image_id)
);
CREATE INDEX images_buyer ON images (merchant_id, buyer_id);

CREATE TABLE image_evidence (
  merchant_id VARCHAR(40) NOT NULL,
  image_id VARCHAR(64) NOT NULL,
  order_id VARCHAR(64) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  phash BIGINT,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (merchant_id, image_id, order_id)
);

CREATE TABLE image_blobs (
  merchant_id VARCHAR(40) NOT NULL,
  image_id VARCHAR(64) NOT NULL,
  buyer_id VARCHAR(64) NOT NULL,
  content BYTEA NOT NULL,
  PRIMARY KEY (merchant_id, image_id)
);
