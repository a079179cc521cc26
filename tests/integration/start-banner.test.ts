import { describe, expect, test } from 'vitest';
import { freePort, startChild } from '../support/child-server.ts';
import { tempDir } from '../support/server.ts';
import path from 'node:path';

describe('npm start', () => {
  test("prints each election's pages with its ?election=, and says which are in test mode", async () => {
    const port = await freePort();
    const server = await startChild({
      port,
      env: {
        DATABASE_PATH: path.join(tempDir(), 'banner.sqlite'),
        ELECTION_API_TOKEN: 'banner-token-0123456789',
        ELECTION_ADMIN_PASSWORD: 'banner password long',
      },
      ready: /API token|Database:/,
    });
    try {
      const printed = server.output();
      expect(printed).toContain('General election 2017: London marginals [TEST]');
      expect(printed).toContain(`dashboard http://localhost:${port}/?election=ge2017`);
      expect(printed).toContain(`entry http://localhost:${port}/entry?election=ge2017`);
      expect(printed).toContain(`screens http://localhost:${port}/screens?election=london-mayor-2024`);
    } finally {
      await server.kill('SIGTERM');
    }
  });
});
