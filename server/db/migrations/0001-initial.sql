-- Every table has an id; nothing is ever deleted: declarations are versions.
CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  colour TEXT NOT NULL
);

-- Party continuity is data an editor can extend (ELECTION-RULES).
CREATE TABLE party_continuity (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('alias', 'successor')),
  target TEXT NOT NULL
);

CREATE TABLE elections (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  total_seats INTEGER NOT NULL,
  baseline_name TEXT NOT NULL,
  polling_day TEXT,
  mode TEXT NOT NULL DEFAULT 'live',
  -- Sequence number of the last change: every version takes the next one.
  last_seq INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE seats (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  baseline_json TEXT NOT NULL,
  held_at_dissolution_json TEXT,
  notes_json TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL,
  UNIQUE (election_id, code)
);

CREATE TABLE declaration_versions (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  version INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('declared', 'corrected', 'recount', 'withdrawn')),
  -- The declaration as accepted (JSON); NULL for a recount or a withdrawal.
  declaration_json TEXT,
  reason TEXT,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  UNIQUE (election_id, seat_code, version),
  UNIQUE (election_id, seq)
);
CREATE INDEX declaration_versions_by_seat ON declaration_versions (election_id, seat_code, version);
