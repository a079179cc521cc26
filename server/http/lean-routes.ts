/**
 * The lean forms a dashboard and a big screen start from (shared/protocol/lean-night.ts, ADR 0030):
 * GET /api/elections/:e/lean-reference, the reference without the names no such screen shows,
 * revalidated like the reference; and GET /api/elections/:e/lean-snapshot, the snapshot naming
 * only each seat's winners, tagged with the same ETag as GET .../snapshot (the socket is told it
 * on election:resume) and cached like it. Each is made and compressed once per version, the
 * snapshot at Brotli 10 off the main thread before its first reader is answered.
 * The writer and a fan-out process serve them alike, from the service or from the mirror.
 */
import type { FastifyInstance } from 'fastify';
import type { CompactSnapshot, NightReference } from '../../shared/protocol/compact-snapshot.ts';
import { leanReference, leanSnapshot } from '../../shared/protocol/lean-night.ts';
import { snapshotTag } from '../realtime/snapshot-tag.ts';
import type { StateSource } from '../realtime/snapshot-sender.ts';
import { EncodedBody } from './encoded-body.ts';
import { alreadyHeld, EMBED_PUBLIC, JSON_TYPE, sendTagged } from './etag.ts';
import { sendReference } from './reference-reply.ts';

/** Where the snapshot and the reference it was made against come from. */
export interface LeanSource extends StateSource {
  reference(electionId: string): NightReference | Promise<NightReference>;
}

/** Quality 10: 17 KB for a 2019 night's lean snapshot in about 60 ms, where 11 gives 16.6 KB in 200-400 ms. */
const LEAN_SNAPSHOT_BROTLI = 10;

/** The snapshot and the reference it names: read again once if an import moved the reference between the two. */
async function snapshotWithReference(source: LeanSource, electionId: string): Promise<[CompactSnapshot, NightReference]> {
  for (let attempt = 0; ; attempt++) {
    const reference = await source.reference(electionId);
    const snapshot = await source.snapshot(electionId);
    if (snapshot.referenceVersion === reference.referenceVersion || attempt > 0) return [snapshot, reference];
  }
}

export function leanRoutes(app: FastifyInstance, source: LeanSource) {
  app.get<{ Params: { election: string } }>('/api/elections/:election/lean-reference', async (request, reply) =>
    sendReference(request, reply, leanReference(await source.reference(request.params.election))),
  );

  // One entry per election that exists: the source refuses an unknown id before anything is kept.
  const latest = new Map<string, { etag: string; json: EncodedBody }>();
  app.get<{ Params: { election: string } }>('/api/elections/:election/lean-snapshot', async (request, reply) => {
    const [snapshot, reference] = await snapshotWithReference(source, request.params.election);
    const etag = snapshotTag(snapshot);
    let kept = latest.get(snapshot.election.id);
    if (kept?.etag !== etag) {
      kept = { etag, json: EncodedBody.of(JSON.stringify(leanSnapshot(snapshot, reference)), { bestQuality: LEAN_SNAPSHOT_BROTLI }) };
      latest.set(snapshot.election.id, kept);
    }
    const { json } = kept;
    if (!alreadyHeld(request.headers['if-none-match'], etag)) await json.ready(request.headers['accept-encoding']);
    return sendTagged(request, reply, { etag, cacheControl: EMBED_PUBLIC, type: JSON_TYPE, body: () => json });
  });
}
