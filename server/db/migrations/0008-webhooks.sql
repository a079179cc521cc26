-- Webhook endpoints an admin registers. The secret is kept as given: signing needs it (HMAC).
-- Endpoints are disabled, never deleted, so their deliveries keep their history.
CREATE TABLE webhook_endpoints (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('json', 'slack')),
  events_json TEXT NOT NULL,
  -- NULL: every election.
  election_id TEXT REFERENCES elections (election_id),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  disabled_by TEXT,
  disabled_at TEXT
);

-- The outbox: one row per event per endpoint, written in the transaction of the change it tells of.
-- The body is fixed when queued, so every attempt sends the same bytes; only the signature's timestamp moves.
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY,
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints (id),
  -- The same on every attempt and on a resend: a receiver that has seen it may answer 2xx and do nothing.
  idempotency_key TEXT NOT NULL,
  event TEXT NOT NULL,
  election_id TEXT NOT NULL,
  mode TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_attempt_at TEXT,
  last_status INTEGER,
  last_error TEXT,
  delivered_at TEXT,
  -- A "send again" is a new row at the back of the endpoint's queue, pointing at the one it repeats.
  resent_from INTEGER REFERENCES webhook_deliveries (id),
  resent_by TEXT
);

-- The worker reads each endpoint's oldest pending delivery: the queue is in id order per endpoint.
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries (endpoint_id, status, id);
