/**
 * Which page an embed's address gets (issue 11, ADR 0031). A reader's widget polls its small
 * reply and gets the polling page, built on its own (embed-poll.html: Svelte's runtime shaken
 * down to what it uses, its code in one chunk); the map, and any widget asked for with
 * ?live=push, holds a socket and gets the screens' page (embed.html). The server picks the page
 * from the address, so a polling reader never downloads the code that chooses.
 */
export const EMBED_WIDGETS = ['party-table', 'seat', 'latest', 'map', 'race'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];
export type PollingWidget = Exclude<EmbedWidget, 'map'>;

/**
 * Poll unless told otherwise: the default for a public live blog, where a CDN answers the readers.
 * The map draws all 650 seats from the reference and the socket; an unknown widget shows its problem there too.
 * The mayoral race always polls: its reply is the whole of what it draws (ADR 0025).
 */
export function embedMode(widget: EmbedWidget | null, params: URLSearchParams): { kind: 'poll'; widget: PollingWidget } | { kind: 'push' } {
  if (widget === null || widget === 'map' || (params.get('live') === 'push' && widget !== 'race')) return { kind: 'push' };
  return { kind: 'poll', widget };
}

/** The built page (in the client's dist folder) for an embed's address. */
export function embedPage(widget: EmbedWidget, params: URLSearchParams): 'embed-poll.html' | 'embed.html' {
  return embedMode(widget, params).kind === 'poll' ? 'embed-poll.html' : 'embed.html';
}
