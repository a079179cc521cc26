/** An Atom feed of a night's changes; corrections and withdrawals are marked in the title and category. */
import { escapeMarkup } from '../../shared/protocol/markup.ts';
import type { Feed, FeedEntry } from '../../shared/protocol/schemas.ts';

const MODE_NOTE: Record<Feed['mode'], string> = {
  live: '',
  rehearsal: '[REHEARSAL: not real results] ',
  test: '[TEST: not real results] ',
};

/** One change as an <entry>: built once per change and mode (server/http/feed-cache.ts). */
export function atomEntry(election: string, mode: Feed['mode'], e: FeedEntry): string {
  const note = MODE_NOTE[mode];
  return `  <entry>
    <id>urn:election-night:${escapeMarkup(election)}:${e.seq}</id>
    <title>${escapeMarkup(note + e.line)}</title>
    <updated>${escapeMarkup(e.at)}</updated>
    <category term="${e.change}"/>
    <content type="text">${escapeMarkup(note + e.line)}</content>
  </entry>`;
}

/** The document around the entries (newest first), its self link the configured public address or a path. */
export function atomDocument(
  feed: Pick<Feed, 'election' | 'name' | 'mode'>,
  selfUrl: string,
  updated: string,
  entries: readonly string[],
): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:election-night:${escapeMarkup(feed.election)}</id>
  <title>${escapeMarkup(MODE_NOTE[feed.mode] + feed.name)}</title>
  <updated>${escapeMarkup(updated)}</updated>
  <link rel="self" href="${escapeMarkup(selfUrl)}"/>
  <author><name>Election night results desk</name></author>
${entries.join('\n')}
</feed>
`;
}
