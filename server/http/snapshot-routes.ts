/**
 * GET /api/elections/:e/snapshot: the state a screen starts from (the compact snapshot the socket
 * sends, shared/protocol/compact-snapshot.ts), as a compressed, cacheable HTTP reply. A screen
 * fetches it, then joins the socket holding its ETag (election:resume) and takes only numbered
 * updates; the socket's own snapshot stays for a screen whose copy is no longer current, and for
 * resync. Serialised and compressed once per version, like the state.
 */
import type { FastifyInstance } from 'fastify';
import { snapshotTag } from '../realtime/snapshot-tag.ts';
import type { StateSource } from '../realtime/snapshot-sender.ts';
import { EncodedBody } from './encoded-body.ts';
import { EMBED_PUBLIC, JSON_TYPE, sendTagged } from './etag.ts';

export function snapshotRoutes(app: FastifyInstance, source: StateSource) {
  // One entry per election that exists: the source refuses an unknown id before anything is kept.
  const latest = new Map<string, { etag: string; json: EncodedBody }>();
  app.get<{ Params: { election: string } }>('/api/elections/:election/snapshot', async (request, reply) => {
    const state = await source.snapshot(request.params.election);
    const etag = snapshotTag(state);
    let kept = latest.get(state.election.id);
    if (kept?.etag !== etag) {
      kept = { etag, json: EncodedBody.of(JSON.stringify(state)) };
      latest.set(state.election.id, kept);
    }
    const { json } = kept;
    return sendTagged(request, reply, { etag, cacheControl: EMBED_PUBLIC, type: JSON_TYPE, body: () => json });
  });
}
