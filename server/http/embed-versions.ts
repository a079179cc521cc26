/**
 * The embeds' replies, each version kept as bytes once made, and the last few versions of each
 * kept as values, so a reader's embed asking `?since=VERSION` is told only what changed after
 * the version it holds (ADR 0031). Everything here is made once per version and asked for by
 * every reader (or by the cache in front), so nothing is worked out per request.
 *
 * Bounded: per election, one reply and at most HISTORY_LENGTH past values per key (the keys
 * are the election's seats and the three House-wide widgets), and one delta per past value.
 */
import { diffReply } from '../../shared/protocol/embed-delta.ts';
import type { EmbedDelta } from '../../shared/protocol/embed-replies.ts';
import { EncodedBody } from './encoded-body.ts';
import { tagOf } from './etag.ts';

/** How many past versions of a reply a reader may hold and still be sent only the changes (else the whole reply). */
export const HISTORY_LENGTH = 8;

export interface Made {
  etag: string;
  body: EncodedBody;
}

interface Current extends Made {
  version: string;
  value: object;
  /** The changes from each past version asked about, made the first time one is. */
  deltas: Map<string, Made>;
}

/** What to answer `?since=VERSION`: nothing new (204), the changes, or the whole reply when that version is not kept. */
export type SinceAnswer = { kind: 'same'; etag: string } | { kind: 'delta'; made: Made } | { kind: 'whole'; made: Made };

export class EmbedVersions {
  #tag = '';
  readonly #current = new Map<string, Current>();
  /** Per key, its past values by version, oldest first. */
  readonly #past = new Map<string, Map<string, object>>();

  /** The reply for `key` at this version of the election (`tag`), shaped by `shape` if not made yet; null when `shape` finds nothing. */
  reply(tag: string, key: string, shape: () => object | null): Current | null {
    if (tag !== this.#tag) {
      this.#tag = tag;
      for (const [k, made] of this.#current) this.#remember(k, made.version, made.value);
      this.#current.clear();
    }
    let made = this.#current.get(key);
    if (made === undefined) {
      const shaped = shape();
      if (shaped === null) return null;
      const etag = tagOf(tag, key);
      const version = etag.slice(1, -1);
      const value = { ...shaped, version };
      made = { etag, version, value, body: EncodedBody.of(JSON.stringify(value)), deltas: new Map() };
      this.#current.set(key, made);
    }
    return made;
  }

  /** The answer to a reader holding `since` of the reply `made` (current for `key`). */
  since(key: string, made: Current, since: string): SinceAnswer {
    if (since === made.version) return { kind: 'same', etag: tagOf(made.etag, 'same') };
    const held = this.#past.get(key)?.get(since);
    if (held === undefined) return { kind: 'whole', made };
    let delta = made.deltas.get(since);
    if (delta === undefined) {
      const body: EmbedDelta = { kind: 'delta', from: since, version: made.version, ops: diffReply(held, made.value) };
      delta = { etag: tagOf(made.etag, since), body: EncodedBody.of(JSON.stringify(body)) };
      made.deltas.set(since, delta);
    }
    return { kind: 'delta', made: delta };
  }

  #remember(key: string, version: string, value: object) {
    let past = this.#past.get(key);
    if (past === undefined) this.#past.set(key, (past = new Map()));
    past.set(version, value);
    if (past.size > HISTORY_LENGTH) past.delete(past.keys().next().value!);
  }
}
