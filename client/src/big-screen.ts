import { flushSync, mount } from 'svelte';
import BigScreen from './pages/BigScreen.svelte';
import { socket } from './lib/socket.ts';
import { clock } from './lib/stores/clock.svelte.ts';
import { electionStore } from './lib/stores/election.svelte.ts';
import { hexMapStore } from './lib/stores/hex-map.svelte.ts';

// npm run bench: ?bench times each update from its arrival to the screen redrawn (the listeners
// run in the order they were added, so these two wrap the store's own).
const timings: number[] | null = new URLSearchParams(window.location.search).has('bench') ? [] : null;
let arrived = 0;
if (timings) {
  (window as unknown as { __bench: { timings: number[] } }).__bench = { timings };
  const start = () => {
    arrived = performance.now();
  };
  socket.on('election:updated', start);
  socket.on('election:updates', start);
}

clock.start();
// Lean: the big screen names winners, and a new gain's whole field from its update (ADR 0030).
void electionStore.start(new URLSearchParams(window.location.search).get('election'), { lean: true }).then(() => {
  if (electionStore.electionId !== null) void hexMapStore.load(electionStore.electionId);
});
if (timings) {
  const finish = () => {
    flushSync();
    timings.push(performance.now() - arrived);
  };
  socket.on('election:updated', finish);
  socket.on('election:updates', finish);
}

mount(BigScreen, { target: document.getElementById('app')! });
