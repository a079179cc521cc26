/** The admin's webhooks: register, list, disable, read the deliveries, send one again. */
import { randomBytes } from 'node:crypto';
import type { DeliveryListing, DeliveryStatus, NewWebhook, NewWebhookFields, WebhookListing } from '../../shared/protocol/webhooks.ts';
import type { Db } from '../db/connection.ts';
import * as repo from '../db/webhooks-repo.ts';
import type { Outbox } from '../webhooks/outbox.ts';
import type { WebhookSender } from '../webhooks/sender.ts';
import * as baselines from '../db/baselines-repo.ts';
import { RefusedError } from './errors.ts';

export type WebhooksService = ReturnType<typeof createWebhooksService>;

const ZERO: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, dead: 0 };

function listing(e: repo.Endpoint, counts: Record<DeliveryStatus, number> = ZERO): WebhookListing {
  return {
    id: e.id,
    name: e.name,
    url: e.url,
    format: e.format,
    events: e.events,
    election: e.election_id,
    secretHint: `…${e.secret.slice(-4)}`,
    createdBy: e.created_by,
    createdAt: e.created_at,
    disabledAt: e.disabled_at,
    counts,
  };
}

/** What the admin page shows of a delivery: the line it carries, not the whole body. */
function summary(body: string): string {
  try {
    const parsed = JSON.parse(body) as { line?: unknown; text?: unknown };
    return String(parsed.line ?? parsed.text ?? '');
  } catch {
    return '';
  }
}

export function deliveryListing(d: repo.DeliveryRow): DeliveryListing {
  return {
    id: d.id,
    endpointId: d.endpoint_id,
    idempotencyKey: d.idempotency_key,
    event: d.event,
    election: d.election_id,
    mode: d.mode as DeliveryListing['mode'],
    status: d.status,
    attempts: d.attempts,
    createdAt: d.created_at,
    nextAttemptAt: d.next_attempt_at,
    lastAttemptAt: d.last_attempt_at,
    lastStatus: d.last_status,
    lastError: d.last_error,
    deliveredAt: d.delivered_at,
    resentFrom: d.resent_from,
    summary: summary(d.body),
  };
}

export function createWebhooksService({
  db,
  outbox,
  worker,
  now = () => new Date(),
}: {
  db: Db;
  outbox: Outbox;
  worker: WebhookSender;
  now?: () => Date;
}) {
  function endpoint(id: number): repo.Endpoint {
    const found = repo.findEndpoint(db, id);
    if (!found) throw new RefusedError(404, `id: no webhook endpoint ${id}`, [{ path: 'id', message: `no webhook endpoint ${id}` }]);
    return found;
  }

  return {
    list(): WebhookListing[] {
      const counts = repo.countsByEndpoint(db);
      return repo.listEndpoints(db).map((e) => listing(e, counts.get(e.id)));
    },

    create(parsed: NewWebhookFields, by: string): NewWebhook {
      if (parsed.election !== undefined && !baselines.findElection(db, parsed.election)) {
        throw new RefusedError(400, `election: no election "${parsed.election}"`, [
          { path: 'election', message: `no election "${parsed.election}"` },
        ]);
      }
      const secret = parsed.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
      const made = repo.insertEndpoint(db, {
        name: parsed.name,
        url: parsed.url,
        secret,
        format: parsed.format,
        events: parsed.events,
        election_id: parsed.election ?? null,
        created_by: by,
        created_at: now().toISOString(),
      });
      outbox.refresh();
      return { ...listing(made), secret };
    },

    disable(id: number, by: string): WebhookListing {
      endpoint(id);
      repo.disableEndpoint(db, id, by, now().toISOString());
      outbox.refresh();
      return listing(endpoint(id), repo.countsByEndpoint(db).get(id));
    },

    deliveries(id: number, status?: DeliveryStatus, limit = 50): DeliveryListing[] {
      endpoint(id);
      return repo.recentDeliveries(db, id, limit, status).map(deliveryListing);
    },

    /** "Send again": the same body and idempotency key, queued at the back of the endpoint's queue. */
    resend(deliveryId: number, by: string): DeliveryListing {
      const d = repo.findDelivery(db, deliveryId);
      if (!d) throw new RefusedError(404, `id: no delivery ${deliveryId}`, [{ path: 'id', message: `no delivery ${deliveryId}` }]);
      if (d.status === 'pending') throw new RefusedError(409, `delivery ${deliveryId} is still queued: it will be sent without asking`);
      const e = endpoint(d.endpoint_id);
      if (e.disabled_at !== null) throw new RefusedError(409, `endpoint ${e.id} (${e.name}) is disabled`);
      const again = repo.enqueue(db, {
        endpoint_id: d.endpoint_id,
        idempotency_key: d.idempotency_key,
        event: d.event,
        election_id: d.election_id,
        mode: d.mode,
        body: d.body,
        created_at: now().toISOString(),
        resent_from: d.id,
        resent_by: by,
      });
      worker.kick([d.endpoint_id]);
      return deliveryListing(again);
    },
  };
}
