-- A number per merchant that every catalog upsert moves on: each node keeps the catalog in memory and reloads it
-- only when this has moved (one primary-key read per use instead of parsing every product).
CREATE TABLE catalog_revisions (
  merchant_id VARCHAR(40) PRIMARY KEY,
  revision BIGINT NOT NULL
);
