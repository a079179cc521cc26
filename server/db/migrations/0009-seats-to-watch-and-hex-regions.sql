-- Editors flag seats to watch: a night input like the exit poll, versioned the same way.
-- SQLite cannot widen a CHECK, so night_inputs is rebuilt with the new kind, rows kept as they were.
CREATE TABLE night_inputs_0009 (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  kind TEXT NOT NULL CHECK (kind IN ('exit-poll', 'expected-times', 'seats-to-watch')),
  version INTEGER NOT NULL,
  body_json TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (election_id, kind, version)
);
INSERT INTO night_inputs_0009 (id, election_id, kind, version, body_json, entered_by, entered_at)
  SELECT id, election_id, kind, version, body_json, entered_by, entered_at FROM night_inputs;
DROP TABLE night_inputs;
ALTER TABLE night_inputs_0009 RENAME TO night_inputs;

-- The hex map's region of each seat (HexJSON "a": NE, NW, ..., S, W, NI), where the map gives one:
-- the projection's regions (ADR 0013).
ALTER TABLE hex_positions ADD COLUMN region TEXT;
