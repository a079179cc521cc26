import './lib/page.css';
import './pages/admin/admin.css';
import { mount } from 'svelte';
import Admin from './pages/Admin.svelte';
import { session } from './lib/stores/session.svelte.ts';

// The page loads its lists once it knows an admin is signed in (see Admin.svelte).
void session.load();

mount(Admin, { target: document.getElementById('app')! });
