import './lib/page.css';
import { mount } from 'svelte';
import Screens from './pages/Screens.svelte';
import { electionStore } from './lib/stores/election.svelte.ts';

void electionStore.start(new URLSearchParams(window.location.search).get('election'));

mount(Screens, { target: document.getElementById('app')! });
