/**
 * GET /api/elections/:e/state is 1.2 MB of JSON late in a night. It changes
 * only with a new seq, a new reference (continuity, an import), the mode or
 * the screen settings: it is serialised once per such change and the bytes
 * kept, with a strong ETag made from exactly those parts, so a thousand
 * readers between two declarations cost one JSON.stringify, and a reader who
 * holds the current copy gets a 304.
 */
import type { ElectionService } from '../services/election-service.ts';
import { EncodedBody } from './encoded-body.ts';
import { tagOf } from './etag.ts';

export interface CachedReply {
  etag: string;
  /**
   * UTF-8, encoded once (and compressed once per encoding asked for): encoding 1.2
   * MB again for each reader costs as much as the rest of the reply.
   */
  json: EncodedBody;
}

export function stateReplies(service: ElectionService) {
  // One entry per election that exists (an unknown id is refused by head() first).
  const latest = new Map<string, CachedReply>();
  return function stateReply(electionId: string): CachedReply {
    const { seq, mode, referenceVersion, screen, exitPoll } = service.head(electionId);
    const etag = tagOf('state', seq, mode, referenceVersion, screen, exitPoll);
    let reply = latest.get(electionId);
    if (reply?.etag !== etag) {
      reply = { etag, json: EncodedBody.of(JSON.stringify(service.state(electionId))) };
      latest.set(electionId, reply);
    }
    return reply;
  };
}
