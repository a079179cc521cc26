/** A reader's embed on a public page: it polls its own small, cacheable reply (see embed-poll.svelte.ts). */
import { mount, type Component } from 'svelte';
import EmbedLight from './pages/EmbedLight.svelte';
import { embedReplyPath, type EmbedWidget } from './lib/embed-widget.ts';
import { embedPoll, pollInterval } from './lib/stores/embed-poll.svelte.ts';

type View = Component<{ reply: never }>;

// Each widget loads only its own view: a seat embed never downloads the party table's code.
const VIEWS: Record<Exclude<EmbedWidget, 'map'>, () => Promise<{ default: View }>> = {
  seat: () => import('./lib/embed-views/SeatView.svelte') as Promise<{ default: View }>,
  'party-table': () => import('./lib/embed-views/PartyTableView.svelte') as Promise<{ default: View }>,
  latest: () => import('./lib/embed-views/LatestView.svelte') as Promise<{ default: View }>,
  race: () => import('./lib/embed-views/RaceView.svelte') as Promise<{ default: View }>,
};

export async function startPollEmbed(widget: Exclude<EmbedWidget, 'map'>, params: URLSearchParams) {
  if (widget === 'seat' && !params.get('seat')) embedPoll.loadError = 'seat: add ?seat= with an ONS code, such as E14000654';
  else embedPoll.start(embedReplyPath(widget, params), pollInterval(params.get('every')));
  const { default: view } = await VIEWS[widget]();
  mount(EmbedLight, { target: document.getElementById('app')!, props: { widget, view } });
}
