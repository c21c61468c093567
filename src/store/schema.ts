/**
 * The warehouse tables (CONTRACT.md names, more columns welcome). Created if missing; the views
 * live in aggregate/views.ts. Documented column by column in docs/schema.md.
 */
export const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS batches (
  batch_id INTEGER PRIMARY KEY,
  source VARCHAR NOT NULL,
  source_sha256 VARCHAR NOT NULL,
  encoding VARCHAR,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL,
  pipeline VARCHAR NOT NULL,
  lexicon_version VARCHAR NOT NULL,
  tool_version VARCHAR NOT NULL,
  loaded_at TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS comments (
  comment_id BIGINT NOT NULL,
  batch_id INTEGER NOT NULL,
  source_id VARCHAR NOT NULL,
  line BIGINT NOT NULL,
  year INTEGER NOT NULL,
  municipality VARCHAR NOT NULL,
  lang VARCHAR NOT NULL,
  lang_source VARCHAR NOT NULL,
  channel VARCHAR,
  date DATE,
  text VARCHAR NOT NULL,
  sentiment VARCHAR NOT NULL,
  sentiment_score DOUBLE NOT NULL,
  lexicon_version VARCHAR NOT NULL,
  redactions INTEGER NOT NULL,
  extra VARCHAR
);
CREATE TABLE IF NOT EXISTS mentions (
  comment_id BIGINT NOT NULL,
  area VARCHAR NOT NULL,
  polarity VARCHAR NOT NULL,
  score DOUBLE NOT NULL,
  evidence VARCHAR NOT NULL,
  lexicon_version VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS peer_groups (
  municipality VARCHAR PRIMARY KEY,
  peer_group VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS rejects (
  batch_id INTEGER NOT NULL,
  line BIGINT NOT NULL,
  reason VARCHAR NOT NULL,
  raw VARCHAR NOT NULL
);
`;
