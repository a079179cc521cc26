/** Webhook endpoints and their outbox of deliveries. Endpoints are disabled, never deleted; deliveries are kept. */
import type { DeliveryStatus, WebhookEvent, WebhookFormat } from '../../shared/protocol/webhooks.ts';
import type { Db } from './connection.ts';

export interface EndpointRow {
  id: number;
  name: string;
  url: string;
  secret: string;
  format: WebhookFormat;
  events_json: string;
  election_id: string | null;
  created_by: string;
  created_at: string;
  disabled_by: string | null;
  disabled_at: string | null;
}

export interface DeliveryRow {
  id: number;
  endpoint_id: number;
  idempotency_key: string;
  event: string;
  election_id: string;
  mode: string;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  last_attempt_at: string | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: string | null;
  resent_from: number | null;
  resent_by: string | null;
}

export interface Endpoint extends Omit<EndpointRow, 'events_json'> {
  events: WebhookEvent[];
}

const endpointOf = ({ events_json, ...row }: EndpointRow): Endpoint => ({ ...row, events: JSON.parse(events_json) });

export function listEndpoints(db: Db): Endpoint[] {
  return (db.prepare('SELECT * FROM webhook_endpoints ORDER BY id').all() as EndpointRow[]).map(endpointOf);
}

export function findEndpoint(db: Db, id: number): Endpoint | null {
  const row = db.prepare('SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as EndpointRow | undefined;
  return row ? endpointOf(row) : null;
}

export function insertEndpoint(
  db: Db,
  e: Pick<Endpoint, 'name' | 'url' | 'secret' | 'format' | 'events' | 'election_id' | 'created_by' | 'created_at'>,
): Endpoint {
  const row = db
    .prepare(
      `INSERT INTO webhook_endpoints (name, url, secret, format, events_json, election_id, created_by, created_at)
       VALUES (@name, @url, @secret, @format, @events_json, @election_id, @created_by, @created_at) RETURNING *`,
    )
    .get({ ...e, events_json: JSON.stringify(e.events) }) as EndpointRow;
  return endpointOf(row);
}

export function disableEndpoint(db: Db, id: number, by: string, at: string): void {
  db.prepare('UPDATE webhook_endpoints SET disabled_by = ?, disabled_at = ? WHERE id = ? AND disabled_at IS NULL').run(by, at, id);
}

export function countsByEndpoint(db: Db): Map<number, Record<DeliveryStatus, number>> {
  const rows = db.prepare('SELECT endpoint_id, status, COUNT(*) AS n FROM webhook_deliveries GROUP BY endpoint_id, status').all() as Array<{
    endpoint_id: number;
    status: DeliveryStatus;
    n: number;
  }>;
  const counts = new Map<number, Record<DeliveryStatus, number>>();
  for (const r of rows) {
    const c = counts.get(r.endpoint_id) ?? { pending: 0, delivered: 0, dead: 0 };
    c[r.status] = r.n;
    counts.set(r.endpoint_id, c);
  }
  return counts;
}

export type NewDelivery = Pick<DeliveryRow, 'endpoint_id' | 'idempotency_key' | 'event' | 'election_id' | 'mode' | 'body' | 'created_at'> &
  Partial<Pick<DeliveryRow, 'resent_from' | 'resent_by'>>;

export function enqueue(db: Db, d: NewDelivery): DeliveryRow {
  return db
    .prepare(
      `INSERT INTO webhook_deliveries
         (endpoint_id, idempotency_key, event, election_id, mode, body, status, next_attempt_at, created_at, resent_from, resent_by)
       VALUES (@endpoint_id, @idempotency_key, @event, @election_id, @mode, @body, 'pending', @created_at, @created_at,
         @resent_from, @resent_by)
       RETURNING *`,
    )
    .get({ resent_from: null, resent_by: null, ...d }) as DeliveryRow;
}

/** The head of an endpoint's queue: its oldest pending delivery. Nothing behind it is sent first. */
export function queueHead(db: Db, endpointId: number): DeliveryRow | null {
  return (
    (db.prepare("SELECT * FROM webhook_deliveries WHERE endpoint_id = ? AND status = 'pending' ORDER BY id LIMIT 1").get(endpointId) as
      DeliveryRow | undefined) ?? null
  );
}

export function endpointsWithPending(db: Db): number[] {
  return db.prepare("SELECT DISTINCT endpoint_id FROM webhook_deliveries WHERE status = 'pending'").pluck().all() as number[];
}

export function findDelivery(db: Db, id: number): DeliveryRow | null {
  return (db.prepare('SELECT * FROM webhook_deliveries WHERE id = ?').get(id) as DeliveryRow | undefined) ?? null;
}

/**
 * A delivery's result is written without waiting for the disk (synchronous = NORMAL for this
 * commit only): 20 endpoints would otherwise cost 20 fsyncs a declaration on the thread that
 * answers them. A power cut may forget the last results; those deliveries are sent again with
 * the same Idempotency-Key, which is the promise made to receivers anyway.
 */
function withoutWaitingForDisk(db: Db, write: () => void): void {
  const was = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    write();
  } finally {
    db.pragma(`synchronous = ${was}`);
  }
}

export function recordSuccess(db: Db, id: number, status: number, at: string): void {
  withoutWaitingForDisk(db, () => recordSuccessNow(db, id, status, at));
}

function recordSuccessNow(db: Db, id: number, status: number, at: string): void {
  db.prepare(
    `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_attempt_at = @at,
       last_status = @status, last_error = NULL, delivered_at = @at WHERE id = @id`,
  ).run({ id, status, at });
}

/** A failed attempt: tried again at nextAt, or, with nextAt null, a dead letter. */
export function recordFailure(
  db: Db,
  id: number,
  failure: { status: number | null; error: string; at: string; nextAt: string | null },
): void {
  withoutWaitingForDisk(db, () => recordFailureNow(db, id, failure));
}

function recordFailureNow(db: Db, id: number, failure: { status: number | null; error: string; at: string; nextAt: string | null }): void {
  db.prepare(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_attempt_at = @at, last_status = @status, last_error = @error,
       status = CASE WHEN @nextAt IS NULL THEN 'dead' ELSE 'pending' END,
       next_attempt_at = COALESCE(@nextAt, next_attempt_at) WHERE id = @id`,
  ).run({ id, ...failure });
}

/** An endpoint's latest deliveries, newest first; optionally of one status. */
export function recentDeliveries(db: Db, endpointId: number, limit: number, status?: DeliveryStatus): DeliveryRow[] {
  return status
    ? (db
        .prepare('SELECT * FROM webhook_deliveries WHERE endpoint_id = ? AND status = ? ORDER BY id DESC LIMIT ?')
        .all(endpointId, status, limit) as DeliveryRow[])
    : (db
        .prepare('SELECT * FROM webhook_deliveries WHERE endpoint_id = ? ORDER BY id DESC LIMIT ?')
        .all(endpointId, limit) as DeliveryRow[]);
}

export function lineOfVersion(db: Db, electionId: string, seatCode: string, version: number): string | null {
  return (
    (db
      .prepare('SELECT line FROM declaration_versions WHERE election_id = ? AND seat_code = ? AND version = ?')
      .pluck()
      .get(electionId, seatCode, version) as string | undefined) ?? null
  );
}
