-- PA's wire: how each election takes it (publish at once, or wait for an editor), and every file
-- it settled, once: applied, skipped (an older or equal revision, no change) or held for the desk.
-- A file that could not be read is not settled: it is reported and read again when it changes.
-- The message as read is kept whatever the desk decides, so an override keeps the wire's figures.
ALTER TABLE elections ADD COLUMN wire_publish TEXT NOT NULL DEFAULT 'at-once' CHECK (wire_publish IN ('at-once', 'confirm'));

CREATE TABLE wire_files (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('nominations', 'result', 'rush', 'recount', 'SOP')),
  seat_code TEXT,
  revision INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'skipped', 'held')),
  note TEXT NOT NULL,
  message_json TEXT NOT NULL,
  received_at TEXT NOT NULL,
  published_seq INTEGER,
  -- A held file: why it waits ('confirm': the election waits for an editor; 'disagree': the desk has other figures)
  -- and how it ended ('published', 'kept-desk', 'superseded' by a newer file or a desk entry).
  held_for TEXT CHECK (held_for IN ('confirm', 'disagree')),
  resolution TEXT CHECK (resolution IN ('published', 'kept-desk', 'superseded')),
  resolved_by TEXT,
  resolved_at TEXT,
  resolution_note TEXT,
  UNIQUE (election_id, name)
);
CREATE INDEX wire_files_by_seat ON wire_files (election_id, seat_code, kind);
