import './lib/page.css';
import { mount } from 'svelte';
import Dashboard from './pages/Dashboard.svelte';
import { clock } from './lib/stores/clock.svelte.ts';
import { electionStore } from './lib/stores/election.svelte.ts';

clock.start();
void electionStore.start(new URLSearchParams(window.location.search).get('election'));

mount(Dashboard, { target: document.getElementById('app')! });
