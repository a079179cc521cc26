import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { precompress } from './client/build-plugins/precompress.ts';
import { separateBuild } from './client/build-plugins/separate-build.ts';

/**
 * The readers' embed page (/embed/* when it polls, ADR 0031), built on its own: Svelte's runtime
 * shaken down to what it uses, and its code in one chunk with the runtime (each widget's view in
 * its own), one stylesheet for every widget: four requests, not twenty.
 */
const embedPollBuild = separateBuild('embed-poll', (outDir) => ({
  plugins: [svelte(), precompress()],
  build: {
    outDir,
    emptyOutDir: false,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    rolldownOptions: {
      input: { 'embed-poll': 'client/embed-poll.html' },
      // What the widgets' views share (a party's badge, a rushed seat's call): one chunk, not a request each.
      output: {
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'embed-views-shared',
              test: /client\/src\/lib\/components\/(PartyBadge|RushCall)\.svelte|shared\/domain\/party-colour\.ts/,
            },
          ],
        },
      },
    },
  },
}));

// The client is a multi-page app: each screen is its own small bundle.
export default defineConfig({
  root: 'client',
  plugins: [svelte(), precompress(), embedPollBuild],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // Every browser the screens support preloads modules itself: the polyfill was one more request per embed.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        dashboard: 'client/index.html',
        entry: 'client/entry.html',
        audit: 'client/audit.html',
        'big-screen': 'client/big-screen.html',
        embed: 'client/embed.html',
        screens: 'client/screens.html',
        admin: 'client/admin.html',
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
  test: {
    root: '.',
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration and browser tests start real servers and browsers: keep them from crowding 2 cores.
    fileParallelism: false,
  },
});
