import './lib/page.css';
import './lib/entry.css';
import { mount } from 'svelte';
import Entry from './pages/Entry.svelte';
import { entryDesk } from './lib/stores/entry-desk.svelte.ts';
import { session } from './lib/stores/session.svelte.ts';

// Who is signed in first, so the socket's first handshake already carries the session.
void session.load().then(() => entryDesk.start(new URLSearchParams(window.location.search).get('election')));

mount(Entry, { target: document.getElementById('app')! });
