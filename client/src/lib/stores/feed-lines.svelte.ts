/** The copy-ready lines of the latest changes, read from the JSON feed whenever the sequence moves. */
import type { FeedEntry } from '../../../../shared/protocol/schemas.ts';
import { fetchFeed } from '../api.ts';

const KEEP = 15;

class FeedLines {
  /** Newest first. */
  entries = $state.raw<FeedEntry[]>([]);
  error = $state<string | null>(null);
  #loading = false;
  #wanted: { electionId: string; seq: number } | null = null;

  /** Ask for the lines up to seq; calls while one fetch is out are folded into one more. */
  refresh(electionId: string, seq: number): void {
    this.#wanted = { electionId, seq };
    if (!this.#loading) void this.#load();
  }

  async #load(): Promise<void> {
    this.#loading = true;
    while (this.#wanted !== null) {
      const { electionId, seq } = this.#wanted;
      this.#wanted = null;
      try {
        const feed = await fetchFeed(electionId, seq - KEEP);
        this.entries = [...feed.entries].reverse();
        this.error = null;
      } catch (err) {
        this.error = `Could not read the feed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
    this.#loading = false;
  }
}

export const feedLines = new FeedLines();
