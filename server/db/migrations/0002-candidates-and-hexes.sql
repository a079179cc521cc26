-- The coming election's candidate lists, for entry forms, and each seat's place on a hex map.
CREATE TABLE seat_candidates (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  party TEXT NOT NULL,
  UNIQUE (election_id, seat_code, position)
);

CREATE TABLE hex_maps (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL UNIQUE REFERENCES elections (election_id),
  layout TEXT NOT NULL,
  source TEXT NOT NULL
);

CREATE TABLE hex_positions (
  id INTEGER PRIMARY KEY,
  election_id TEXT NOT NULL REFERENCES elections (election_id),
  seat_code TEXT NOT NULL,
  q INTEGER NOT NULL,
  r INTEGER NOT NULL,
  UNIQUE (election_id, seat_code)
);
