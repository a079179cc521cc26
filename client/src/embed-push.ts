/** An embed that holds a socket: the map (it draws every seat), or any widget asked for with ?live=push (a newsroom's own page). */
import { mount } from 'svelte';
import Embed from './pages/Embed.svelte';
import type { EmbedWidget } from './lib/embed-widget.ts';
import { electionStore } from './lib/stores/election.svelte.ts';
import { hexMapStore } from './lib/stores/hex-map.svelte.ts';

export function startPushEmbed(widget: EmbedWidget | null, params: URLSearchParams) {
  void electionStore.start(params.get('election')).then(() => {
    if (widget === 'map' && electionStore.electionId !== null) void hexMapStore.load(electionStore.electionId);
  });
  mount(Embed, { target: document.getElementById('app')!, props: { widget, seatCode: params.get('seat') } });
}
