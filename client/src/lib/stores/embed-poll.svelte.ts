/**
 * A reader's embed without a socket (issue 11): it asks its own small reply
 * (one seat, the party table, the latest declarations) every few seconds.
 * After the first, it asks `?since=VERSION` (ADR 0031): a 204 (then a 304) while
 * nothing changes, only the changes once something has. Every reader holding the
 * same version asks the same address, so a CDN in front answers almost every
 * reader, and the audience costs this server about one request per interval per edge.
 */
import type { EmbedDelta, EmbedReply, Versioned } from '../../../../shared/protocol/embed-replies.ts';
import type { RaceEmbedReply } from '../../../../shared/protocol/race-embed.ts';
import { nextHeld } from '../embed-reply.ts';

export { pollInterval } from '../embed-poll-interval.ts';

export type HeldReply = (EmbedReply | RaceEmbedReply) & Versioned;

class EmbedPoll {
  reply = $state.raw<HeldReply | null>(null);
  /** The last ask failed: the figures shown may be old. */
  stale = $state(false);
  loadError = $state<string | null>(null);
  /** The version to ask for changes since; null: ask for the whole reply. */
  #since: string | null = null;

  /** Asks now, then every `everySeconds`; a failed ask marks the figures stale until one succeeds. */
  start(url: string, everySeconds: number): void {
    let asking = false;
    const ask = async () => {
      // A slow server must not gather a queue of asks from every reader: one at a time.
      if (asking) return;
      asking = true;
      try {
        const address = this.#since === null ? url : `${url}?since=${encodeURIComponent(this.#since)}`;
        // no-cache: revalidate each time (If-None-Match), so an answer unchanged is a 304 of a few hundred bytes.
        const response = await fetch(address, { cache: 'no-cache', headers: { accept: 'application/json' } });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          if (response.status === 400 || response.status === 404) this.loadError = body?.error ?? `${url} answered ${response.status}`;
          this.stale = this.reply !== null;
          return;
        }
        this.stale = false;
        this.loadError = null;
        if (response.status === 204) return;
        const next = nextHeld(this.reply, (await response.json()) as HeldReply | EmbedDelta);
        if (next !== null && next !== this.reply) this.reply = next;
        this.#since = next?.version ?? null;
      } catch {
        this.stale = this.reply !== null;
      } finally {
        asking = false;
      }
    };
    void ask();
    setInterval(() => void ask(), everySeconds * 1000);
  }
}

export const embedPoll = new EmbedPoll();
