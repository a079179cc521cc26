import './lib/page.css';
import { mount } from 'svelte';
import Screens from './pages/Screens.svelte';
import { electionStore } from './lib/stores/election.svelte.ts';
import { session } from './lib/stores/session.svelte.ts';

// The editor's session, as on the entry page: its writes carry the session's CSRF token.
void session.load().then(() => electionStore.start(new URLSearchParams(window.location.search).get('election')));

mount(Screens, { target: document.getElementById('app')! });
