/**
 * A reader's embed without a socket (issue 11): it asks its own small reply
 * (one seat, the party table, the latest declarations) every few seconds.
 * The browser revalidates with the ETag (a 304 when nothing changed), and a
 * CDN in front answers almost every reader, so the audience costs this
 * server about one request per interval per edge.
 */
import type { EmbedReply } from '../../../../shared/protocol/embed-replies.ts';
import type { RaceEmbedReply } from '../../../../shared/protocol/race-embed.ts';

export { pollInterval } from '../embed-poll-interval.ts';

class EmbedPoll {
  reply = $state.raw<EmbedReply | RaceEmbedReply | null>(null);
  /** The last ask failed: the figures shown may be old. */
  stale = $state(false);
  loadError = $state<string | null>(null);
  #etag: string | null = null;

  /** Asks now, then every `everySeconds`; a failed ask marks the figures stale until one succeeds. */
  start(url: string, everySeconds: number): void {
    let asking = false;
    const ask = async () => {
      // A slow server must not gather a queue of asks from every reader: one at a time.
      if (asking) return;
      asking = true;
      try {
        // no-cache: revalidate each time (If-None-Match), so an unchanged reply is a 304 of a few hundred bytes.
        const response = await fetch(url, { cache: 'no-cache', headers: { accept: 'application/json' } });
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          if (response.status === 400 || response.status === 404) this.loadError = body?.error ?? `${url} answered ${response.status}`;
          this.stale = this.reply !== null;
          return;
        }
        this.stale = false;
        this.loadError = null;
        const etag = response.headers.get('etag');
        if (etag !== null && etag === this.#etag) return;
        this.#etag = etag;
        this.reply = (await response.json()) as EmbedReply | RaceEmbedReply;
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
