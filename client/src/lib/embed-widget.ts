/** Which widget an embed shows, from its path (/embed/party-table) or, under the vite dev server, ?widget=. */
import { EMBED_WIDGETS, type EmbedWidget, type PollingWidget } from '../../../shared/protocol/embed-pages.ts';

export { EMBED_WIDGETS, embedMode, type EmbedWidget, type PollingWidget } from '../../../shared/protocol/embed-pages.ts';

export function embedWidget({ pathname, search }: { pathname: string; search: string }): EmbedWidget | null {
  const named = pathname.match(/\/embed\/([a-z-]+)\/?$/)?.[1] ?? new URLSearchParams(search).get('widget');
  return EMBED_WIDGETS.find((w) => w === named) ?? null;
}

/** The small reply a polling embed asks for (server/http/embed-routes.ts). */
export function embedReplyPath(widget: PollingWidget, params: URLSearchParams): string {
  const election = encodeURIComponent(params.get('election') ?? 'ge2017');
  if (widget === 'seat') return `/api/elections/${election}/seats/${encodeURIComponent(params.get('seat') ?? '')}`;
  return `/api/elections/${election}/${widget}`;
}
