import { mount } from 'svelte';
import Entry from './pages/Entry.svelte';
import { entryDesk } from './lib/stores/entry-desk.svelte.ts';

void entryDesk.load(new URLSearchParams(window.location.search).get('election'));

mount(Entry, { target: document.getElementById('app')! });
