/** Which widget an embed shows, from its path (/embed/party-table) or, under the vite dev server, ?widget=. */
export const EMBED_WIDGETS = ['party-table', 'seat', 'latest', 'map'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

export function embedWidget({ pathname, search }: { pathname: string; search: string }): EmbedWidget | null {
  const named = pathname.match(/\/embed\/([a-z-]+)\/?$/)?.[1] ?? new URLSearchParams(search).get('widget');
  return EMBED_WIDGETS.find((w) => w === named) ?? null;
}
