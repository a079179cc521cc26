/** Which widget an embed shows, from its path (/embed/party-table) or, under the vite dev server, ?widget=. */
export const EMBED_WIDGETS = ['party-table', 'seat', 'latest', 'map', 'race'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

export function embedWidget({ pathname, search }: { pathname: string; search: string }): EmbedWidget | null {
  const named = pathname.match(/\/embed\/([a-z-]+)\/?$/)?.[1] ?? new URLSearchParams(search).get('widget');
  return EMBED_WIDGETS.find((w) => w === named) ?? null;
}

/**
 * Poll unless told otherwise: the default for a public live blog, where a CDN answers the readers.
 * The map draws all 650 seats from the reference and the socket; an unknown widget shows its problem there too.
 * The mayoral race always polls: its reply is the whole of what it draws (ADR 0025).
 */
export function embedMode(
  widget: EmbedWidget | null,
  params: URLSearchParams,
): { kind: 'poll'; widget: Exclude<EmbedWidget, 'map'> } | { kind: 'push' } {
  if (widget === null || widget === 'map' || (params.get('live') === 'push' && widget !== 'race')) return { kind: 'push' };
  return { kind: 'poll', widget };
}

/** The small reply a polling embed asks for (server/http/embed-routes.ts). */
export function embedReplyPath(widget: Exclude<EmbedWidget, 'map'>, params: URLSearchParams): string {
  const election = encodeURIComponent(params.get('election') ?? 'ge2017');
  if (widget === 'seat') return `/api/elections/${election}/seats/${encodeURIComponent(params.get('seat') ?? '')}`;
  return `/api/elections/${election}/${widget}`;
}
