import './lib/page.css';
import { mount } from 'svelte';
import Dashboard from './pages/Dashboard.svelte';
import { clock } from './lib/stores/clock.svelte.ts';
import { electionStore } from './lib/stores/election.svelte.ts';

clock.start();
// Lean: the dashboard names each seat's winner, not its whole field (ADR 0030).
void electionStore.start(new URLSearchParams(window.location.search).get('election'), { lean: true });

mount(Dashboard, { target: document.getElementById('app')! });
