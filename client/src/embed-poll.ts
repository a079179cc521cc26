/**
 * /embed/* for a reader of a live blog (the default; embed-poll.html): it polls its own small,
 * cacheable reply (see embed-poll.svelte.ts). Built on its own (vite.config.ts, ADR 0031) so the
 * page is a few files: this chunk with Svelte's runtime, one stylesheet and the widget's view.
 * The server sends embed.html instead for the map and for ?live=push.
 */
import { mount, type Component } from 'svelte';
import EmbedLight from './pages/EmbedLight.svelte';
import { embedMode, embedReplyPath, embedWidget, type PollingWidget } from './lib/embed-widget.ts';
import { embedPoll, pollInterval } from './lib/stores/embed-poll.svelte.ts';

type View = Component<{ reply: never }>;

// Each widget loads only its own view: a seat embed never downloads the party table's code.
const VIEWS: Record<PollingWidget, () => Promise<{ default: View }>> = {
  seat: () => import('./lib/embed-views/SeatView.svelte') as Promise<{ default: View }>,
  'party-table': () => import('./lib/embed-views/PartyTableView.svelte') as Promise<{ default: View }>,
  latest: () => import('./lib/embed-views/LatestView.svelte') as Promise<{ default: View }>,
  race: () => import('./lib/embed-views/RaceView.svelte') as Promise<{ default: View }>,
};

async function startPollEmbed(widget: PollingWidget, params: URLSearchParams) {
  if (widget === 'seat' && !params.get('seat')) embedPoll.loadError = 'seat: add ?seat= with an ONS code, such as E14000654';
  else embedPoll.start(embedReplyPath(widget, params), pollInterval(params.get('every')));
  const { default: view } = await VIEWS[widget]();
  mount(EmbedLight, { target: document.getElementById('app')!, props: { widget, view } });
}

const params = new URLSearchParams(window.location.search);
const mode = embedMode(embedWidget(window.location), params);
// Only under the vite dev server can this page be opened for a widget that pushes.
if (mode.kind === 'poll') void startPollEmbed(mode.widget, params);
else window.location.replace(`/embed.html${window.location.search}`);
