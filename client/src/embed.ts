import { mount } from 'svelte';
import Embed from './pages/Embed.svelte';
import { embedWidget } from './lib/embed-widget.ts';
import { electionStore } from './lib/stores/election.svelte.ts';
import { hexMapStore } from './lib/stores/hex-map.svelte.ts';

const params = new URLSearchParams(window.location.search);
const widget = embedWidget(window.location);

void electionStore.start(params.get('election')).then(() => {
  if (widget === 'map' && electionStore.electionId !== null) void hexMapStore.load(electionStore.electionId);
});

mount(Embed, { target: document.getElementById('app')!, props: { widget, seatCode: params.get('seat') } });
