/**
 * The version of a snapshot, as its HTTP ETag (GET /api/elections/:e/snapshot) and as the
 * `holding` of election:resume: made from every part a snapshot can change by (a declaration's
 * seq, the reference, the mode, the screen settings, the exit poll), so equal tags mean a screen
 * holds exactly what it would be sent.
 */
import type { CompactSnapshot } from '../../shared/protocol/compact-snapshot.ts';
import { tagOf } from '../http/etag.ts';

export function snapshotTag(state: CompactSnapshot): string {
  return tagOf('snapshot', state.election.id, state.seq, state.referenceVersion, state.election.mode, state.screen, state.exitPoll);
}
