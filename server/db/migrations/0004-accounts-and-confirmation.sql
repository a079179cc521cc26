-- Editors and admins; the public has no account. Passwords are scrypt hashes with a per-user salt.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
  password_hash TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_at TEXT
);

-- Only a SHA-256 of each session id is kept: a copy of the database does not log anyone in.
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  session_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ended_at TEXT
);

-- Tokens for scripts (replay, a wire-feed bridge), hashed like sessions; revoked, never deleted.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_by TEXT,
  revoked_at TEXT
);

-- An election may hold declarations and corrections until a second editor confirms them.
ALTER TABLE elections ADD COLUMN require_confirmation INTEGER NOT NULL DEFAULT 0;

-- Entries awaiting confirmation: rows of their own, so they take no public sequence number
-- until confirmed, and are resolved (confirmed, superseded, withdrawn), never deleted.
CREATE TABLE pending_entries (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('declared', 'corrected')),
  -- The seat's version when the entry was made: confirming is refused if the seat moved on.
  based_on_version INTEGER NOT NULL,
  declaration_json TEXT NOT NULL,
  reason TEXT,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'superseded')),
  resolved_by TEXT,
  resolved_at TEXT,
  -- The public sequence number the entry went live with, once confirmed.
  published_seq INTEGER
);
CREATE INDEX pending_entries_by_seat ON pending_entries (election_id, seat_code, status);

-- Who confirmed a version that went through a second editor.
ALTER TABLE declaration_versions ADD COLUMN confirmed_by TEXT;
