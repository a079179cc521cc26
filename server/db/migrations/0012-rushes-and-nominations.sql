-- PA's rushes are versions of a seat (ADR 0024): 'rushed', the winner before the figures. SQLite
-- cannot widen a CHECK, so declaration_versions is rebuilt with the new kind, rows kept as they were.
CREATE TABLE declaration_versions_0012 (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('declared', 'corrected', 'recount', 'withdrawn', 'rushed')),
  -- The declaration as accepted (JSON), or a rush's winner; NULL for a recount or a withdrawal.
  declaration_json TEXT,
  reason TEXT,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  line TEXT NOT NULL DEFAULT '',
  confirmed_by TEXT,
  UNIQUE (election_id, seat_code, version),
  UNIQUE (election_id, seq)
);
INSERT INTO declaration_versions_0012 (id, election_id, seat_code, version, kind, declaration_json, reason, entered_by, entered_at, seq, line, confirmed_by)
  SELECT id, election_id, seat_code, version, kind, declaration_json, reason, entered_by, entered_at, seq, line, confirmed_by FROM declaration_versions;
DROP TABLE declaration_versions;
ALTER TABLE declaration_versions_0012 RENAME TO declaration_versions;
CREATE INDEX declaration_versions_by_seat ON declaration_versions (election_id, seat_code, version);

-- A seat's candidate list as PA's nominations give it: a new version each time, none deleted.
-- The newest version of a seat stands in for the list imported before the night (seat_candidates).
CREATE TABLE seat_candidate_versions (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  candidates_json TEXT NOT NULL,
  source TEXT NOT NULL,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  UNIQUE (election_id, seat_code, version)
);
