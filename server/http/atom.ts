/** An Atom feed of a night's changes; corrections and withdrawals are marked in the title and category. */
import type { Feed, FeedEntry } from '../../shared/protocol/schemas.ts';

/**
 * Characters XML 1.0 does not allow anywhere in a document (controls other than tab and newlines,
 * lone surrogates, U+FFFE and U+FFFF) become U+FFFD: text stored before it was checked at the door
 * must not make the whole feed unreadable for the rest of the night.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escape = (text: string) =>
  text
    .replace(NOT_XML, '\uFFFD')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

const MODE_NOTE: Record<Feed['mode'], string> = {
  live: '',
  rehearsal: '[REHEARSAL: not real results] ',
  test: '[TEST: not real results] ',
};

/** One change as an <entry>: built once per change and mode (server/http/feed-cache.ts). */
export function atomEntry(election: string, mode: Feed['mode'], e: FeedEntry): string {
  const note = MODE_NOTE[mode];
  return `  <entry>
    <id>urn:election-night:${escape(election)}:${e.seq}</id>
    <title>${escape(note + e.line)}</title>
    <updated>${escape(e.at)}</updated>
    <category term="${e.change}"/>
    <content type="text">${escape(note + e.line)}</content>
  </entry>`;
}

/** The document around the entries (newest first), its self link the configured public address or a path. */
export function atomDocument(feed: Pick<Feed, 'election' | 'name' | 'mode'>, selfUrl: string, updated: string, entries: readonly string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:election-night:${escape(feed.election)}</id>
  <title>${escape(MODE_NOTE[feed.mode] + feed.name)}</title>
  <updated>${escape(updated)}</updated>
  <link rel="self" href="${escape(selfUrl)}"/>
  <author><name>Election night results desk</name></author>
${entries.join('\n')}
</feed>
`;
}
