-- What editors enter about the night as a whole (the exit poll, the expected declaration times):
-- every change is a new version with who and when; nothing is updated or deleted.
CREATE TABLE night_inputs (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  kind TEXT NOT NULL CHECK (kind IN ('exit-poll', 'expected-times')),
  version INTEGER NOT NULL,
  body_json TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (election_id, kind, version)
);
