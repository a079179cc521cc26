/**
 * Text put into XML or HTML: the Atom feed and the embed snippet a live-blogger pastes.
 * Characters XML 1.0 does not allow anywhere in a document (controls other than tab and newlines,
 * lone surrogates, U+FFFE and U+FFFF) become U+FFFD: text stored before it was checked at the door
 * must not make a whole feed unreadable for the rest of the night.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

/** Safe as element text and as a quoted attribute value, in XML and in HTML alike. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[<>&'"]/g, (c) => ENTITIES[c]!);
}
