/** An Atom feed of a night's changes; corrections and withdrawals are marked in the title and category. */
import type { Feed } from '../../shared/protocol/schemas.ts';

const escape = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

const MODE_NOTE: Record<Feed['mode'], string> = {
  live: '',
  rehearsal: '[REHEARSAL: not real results] ',
  test: '[TEST: not real results] ',
};

export function atomFeed(feed: Feed, selfUrl: string, updated: string): string {
  const note = MODE_NOTE[feed.mode];
  const entries = [...feed.entries]
    .reverse()
    .map(
      (e) => `  <entry>
    <id>urn:election-night:${escape(feed.election)}:${e.seq}</id>
    <title>${escape(note + e.line)}</title>
    <updated>${escape(e.at)}</updated>
    <category term="${e.change}"/>
    <content type="text">${escape(note + e.line)}</content>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:election-night:${escape(feed.election)}</id>
  <title>${escape(note + feed.name)}</title>
  <updated>${escape(updated)}</updated>
  <link rel="self" href="${escape(selfUrl)}"/>
  <author><name>Election night results desk</name></author>
${entries}
</feed>
`;
}
