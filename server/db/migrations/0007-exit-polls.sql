-- The broadcasters' exit poll, as editors enter it: every change is a new version, nothing is deleted.
CREATE TABLE exit_polls (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  version INTEGER NOT NULL,
  poll_json TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (election_id, version)
);
