/**
 * The feeds (JSON and Atom) without per-request work: each change is turned
 * into its JSON text (and its Atom <entry>) once, kept in seq order, and a
 * poll for the changes after `since` joins the kept texts from there.
 * Changes are only ever appended (corrections are new versions), so a new
 * seq adds its entries to the end; a new reference (continuity changes the
 * outcomes, an import the seats) builds the list afresh.
 */
import type { ElectionService } from '../services/election-service.ts';
import type { Feed } from '../../shared/protocol/schemas.ts';
import { atomDocument, atomEntry } from './atom.ts';
import { tagOf } from './etag.ts';

interface Entries {
  referenceVersion: string;
  seq: number;
  seqs: number[];
  ats: string[];
  json: string[];
  /** Atom entries, built on first asking for the mode they were built in (the mode note is in each title). */
  atom: { mode: Feed['mode']; xml: string[] } | null;
}

export interface FeedReply {
  etag: string;
  /** UTF-8, encoded once per reply. */
  body: Buffer;
}

export function feedCache(service: ElectionService) {
  const byElection = new Map<string, Entries>();
  // The last reply of each kind per election: pollers of the whole feed share one text.
  const lastReply = new Map<string, FeedReply>();

  function current(electionId: string) {
    const head = service.head(electionId);
    let kept = byElection.get(electionId);
    if (!kept || kept.referenceVersion !== head.referenceVersion || kept.seq > head.seq) {
      kept = { referenceVersion: head.referenceVersion, seq: 0, seqs: [], ats: [], json: [], atom: null };
      byElection.set(electionId, kept);
    }
    if (kept.seq < head.seq) {
      const feed = service.feed(electionId, kept.seq);
      for (const entry of feed.entries) {
        kept.seqs.push(entry.seq);
        kept.ats.push(entry.at);
        kept.json.push(JSON.stringify(entry));
        kept.atom?.xml.push(atomEntry(electionId, kept.atom.mode, entry));
      }
      kept.seq = feed.seq;
    }
    return { head, kept };
  }

  /** The index of the first kept change after `since`. */
  const firstAfter = (seqs: readonly number[], since: number) => {
    let low = 0;
    let high = seqs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (seqs[mid] <= since) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  function reply(kind: string, electionId: string, etag: string, build: () => string): FeedReply {
    const key = `${kind}:${electionId}`;
    let found = lastReply.get(key);
    if (found?.etag !== etag) {
      found = { etag, body: Buffer.from(build()) };
      lastReply.set(key, found);
    }
    return found;
  }

  return {
    /** Every change after `since` (clamped to the election's seq) as the JSON feed. */
    json(electionId: string, since: number): FeedReply {
      const { head, kept } = current(electionId);
      const from = Math.min(since, head.seq);
      const etag = tagOf('feed.json', electionId, head.mode, head.referenceVersion, head.seq, from, head.headline);
      return reply('json', electionId, etag, () => {
        const envelope = JSON.stringify({ election: electionId, name: head.name, mode: head.mode, seq: head.seq, headline: head.headline });
        return `${envelope.slice(0, -1)},"entries":[${kept.json.slice(firstAfter(kept.seqs, from)).join(',')}]}`;
      });
    },

    /** The same as Atom, newest first; `self` is the address the feed gives for itself. */
    atom(electionId: string, since: number, self: (since: number) => string): FeedReply {
      const { head, kept } = current(electionId);
      const from = Math.min(since, head.seq);
      const selfUrl = self(from);
      const etag = tagOf('feed.atom', electionId, head.mode, head.referenceVersion, head.seq, from, selfUrl);
      return reply('atom', electionId, etag, () => {
        if (kept.atom?.mode !== head.mode) {
          const mode = head.mode;
          kept.atom = { mode, xml: service.feed(electionId, 0).entries.map((entry) => atomEntry(electionId, mode, entry)) };
        }
        const start = firstAfter(kept.seqs, from);
        const entries = kept.atom.xml.slice(start).reverse();
        const updated = kept.ats.at(-1) ?? new Date(0).toISOString();
        return atomDocument({ election: electionId, name: head.name, mode: head.mode }, selfUrl, updated, entries);
      });
    },
  };
}
