/**
 * The outbox: each change is written as deliveries, one per endpoint that asked
 * for it, inside the change's own transaction. A declaration that is on disk has
 * its webhooks on disk with it; the worker sends them later.
 */
import { headline, sameStory } from '../../shared/domain/headline.ts';
import {
  headlinePayload,
  seatChangeEvents,
  seatChangePayload,
  slackMessage,
  type SeatChange,
} from '../../shared/protocol/webhook-payloads.ts';
import { raceHeadlinePayload } from '../../shared/protocol/race-webhook.ts';
import type { Election, HouseSummary, Party, PartyContinuity, SeatState } from '../../shared/protocol/schemas.ts';
import { bothSizes, houseImagePath, seatImagePath } from '../../shared/protocol/share-urls.ts';
import type { WebhookEvent, WebhookPayload } from '../../shared/protocol/webhooks.ts';
import type { Db } from '../db/connection.ts';
import * as repo from '../db/webhooks-repo.ts';

/** A change as the election service records it, before its transaction commits. */
export interface RecordedChange extends Omit<SeatChange, 'previousLine' | 'images'> {
  houseBefore: HouseSummary;
  houseAfter: HouseSummary;
}

export interface OutboxDeps {
  db: Db;
  parties: () => readonly Party[];
  /** Where share images are served (e.g. https://results.example.com), or null when images are off. */
  imageBase: () => string | null;
  /** A mayoral count's seat states as they stand, and the continuity: its headline is the race's (ADR 0025). */
  night?: (electionId: string) => { seatStates: readonly SeatState[]; continuity: PartyContinuity };
}

export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox({ db, parties, imageBase, night }: OutboxDeps) {
  // Read once and on every admin change, so a declaration with no endpoints costs no query.
  let endpoints: repo.Endpoint[] = [];
  const refresh = () => {
    endpoints = repo.listEndpoints(db).filter((e) => e.disabled_at === null);
  };
  refresh();

  function put(endpoint: repo.Endpoint, election: Election, payload: WebhookPayload, at: string) {
    const body = endpoint.format === 'slack' ? slackMessage(payload, parties()) : payload;
    repo.enqueue(db, {
      endpoint_id: endpoint.id,
      idempotency_key: payload.id,
      event: payload.type,
      election_id: election.id,
      mode: election.mode,
      body: JSON.stringify(body),
      created_at: at,
    });
  }

  const listening = (endpoint: repo.Endpoint, electionId: string) => endpoint.election_id === null || endpoint.election_id === electionId;

  /** Queues what this change owes each endpoint; answers the endpoints it queued for. Call inside the change's transaction. */
  function record(change: RecordedChange): number[] {
    const queued: number[] = [];
    const { election } = change;
    const mine = endpoints.filter((e) => listening(e, election.id));
    if (mine.length === 0) return queued;
    const base = imageBase();

    const events = seatChangeEvents(change.kind, change.after);
    const forSeat = mine.filter((e) => e.events.some((ev) => events.includes(ev)));
    if (forSeat.length > 0) {
      const seatChange: SeatChange = {
        ...change,
        previousLine: change.before.version > 0 ? repo.lineOfVersion(db, election.id, change.after.code, change.before.version) : null,
        images:
          base && change.after.outcome
            ? bothSizes(base, (size) => seatImagePath(election.id, change.after.code, change.after.version, size))
            : null,
      };
      for (const endpoint of forSeat) {
        const theirs: WebhookEvent[] = events.filter((ev) => endpoint.events.includes(ev));
        put(endpoint, election, seatChangePayload(seatChange, theirs, parties()), change.at);
        queued.push(endpoint.id);
      }
    }

    const forHeadline = mine.filter((e) => e.events.includes('headline'));
    const payload = forHeadline.length === 0 ? null : election.count ? raceHeadline(change, base) : houseHeadline(change, base);
    for (const endpoint of payload ? forHeadline : []) {
      put(endpoint, election, payload!, change.at);
      queued.push(endpoint.id);
    }
    return queued;
  }

  /** The image after this change: the party table, or a mayoral count's race (share-service.ts). */
  const headlineImages = (change: RecordedChange, base: string | null) =>
    base ? bothSizes(base, (size) => houseImagePath(change.election.id, change.seq, size)) : null;

  function houseHeadline(change: RecordedChange, base: string | null): WebhookPayload | null {
    const before = headline(change.houseBefore);
    if (sameStory(before, headline(change.houseAfter))) return null;
    return headlinePayload(
      change.election,
      change.seq,
      change.at,
      change.houseAfter,
      before.kind === 'waiting' ? null : before,
      headlineImages(change, base),
    );
  }

  /** The race's story before and after this change: the seat as it was in place of the seat as it is. */
  function raceHeadline(change: RecordedChange, base: string | null): WebhookPayload | null {
    if (!night) return null;
    const { seatStates, continuity } = night(change.election.id);
    const code = change.after.code;
    const swap = (seat: SeatState) => seatStates.map((s) => (s.code === code ? seat : s));
    return raceHeadlinePayload({
      ...change,
      before: swap(change.before),
      after: swap(change.after),
      continuity,
      images: headlineImages(change, base),
    });
  }

  return { record, refresh };
}
