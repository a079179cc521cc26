import './lib/page.css';
import { mount } from 'svelte';
import Audit from './pages/Audit.svelte';
import { auditTrail } from './lib/stores/audit.svelte.ts';
import { session } from './lib/stores/session.svelte.ts';

void session.load().then(() => auditTrail.start(new URLSearchParams(window.location.search).get('election')));

mount(Audit, { target: document.getElementById('app')! });
