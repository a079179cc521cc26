/** The wire tests' shared set-up: a 2019 night on a real server, polling a real FTP server. */
import path from 'node:path';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import type { WireDesk } from '../../shared/protocol/wire.ts';
import { startFtpServer, type FtpServer } from './ftp-server.ts';
import { request, type Answer } from './session.ts';
import { startServer, tempDir, TEST_TOKEN, type RunningServer } from './server.ts';

export const preset = PRESETS.ge2019;
export const results2019 = readHocCandidates(dataFile(preset.results));
export const baseline2019 = readBaselineSeats(dataFile(preset.baseline));

export interface WireNight {
  ftp: FtpServer;
  server: RunningServer;
  close(): Promise<void>;
}

/** ge2019 imported from the Library's files, a server whose wire role polls a fresh FTP server. */
export async function wireNight({ intervalMs = 1000, timeoutMs = 3000, before }: { intervalMs?: number; timeoutMs?: number; before?: (ftp: FtpServer) => Promise<void> } = {}): Promise<WireNight> {
  const ftp = await startFtpServer();
  await before?.(ftp);
  const dbPath = path.join(tempDir(), 'wire.sqlite');
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, baseline2019);
  db.close();
  const server = await startServer({ dbPath, app: { wire: { election: 'ge2019', source: ftp.source(timeoutMs), intervalMs } } });
  return {
    ftp,
    server,
    async close() {
      await server.close();
      await ftp.close();
    },
  };
}

export const editorCall = (server: RunningServer, method: 'GET' | 'POST' | 'PUT', route: string, body?: unknown): Promise<Answer> =>
  request(server, method, route, body, { bearer: TEST_TOKEN, origin: null });

export const wireDesk = async (server: RunningServer): Promise<WireDesk> => (await editorCall(server, 'GET', '/api/elections/ge2019/wire')).body;

/** Asks again every 50 ms until the wire's desk view passes the check. */
export async function untilDesk(server: RunningServer, check: (desk: WireDesk) => boolean, what: string, timeoutMs = 20_000): Promise<WireDesk> {
  const started = Date.now();
  for (;;) {
    const desk = await wireDesk(server);
    if (check(desk)) return desk;
    if (Date.now() - started > timeoutMs) throw new Error(`${what}: not within ${timeoutMs} ms; the wire reads ${JSON.stringify({ feed: desk.feed, counts: desk.counts, problems: desk.problems, held: desk.held.length })}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
