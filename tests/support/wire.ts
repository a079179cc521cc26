/** The wire tests' shared set-up: a 2019 night on a real server, polling a real FTP server. */
import path from 'node:path';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import type { Candidate } from '../../shared/protocol/schemas.ts';
import type { WireDesk, WireLogEntry } from '../../shared/protocol/wire.ts';
import type { PaFolderName, WireSource } from '../../server/wire/wire-source.ts';
import { readPaXref } from '../../server/wire/pa-seats.ts';
import { resultXml } from '../../server/wire/pa-writer.ts';
import { planPaNight, type PaNightInput } from '../../server/wire/pa-night.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
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
export async function wireNight({
  intervalMs = 1000,
  nominationsEveryMs,
  timeoutMs = 3000,
  before,
  clientDist,
  hexMap = false,
}: {
  intervalMs?: number;
  nominationsEveryMs?: number;
  timeoutMs?: number;
  before?: (ftp: FtpServer) => Promise<void>;
  clientDist?: string;
  hexMap?: boolean;
} = {}): Promise<WireNight> {
  const ftp = await startFtpServer();
  await before?.(ftp);
  const dbPath = path.join(tempDir(), 'wire.sqlite');
  const db = openDatabase(dbPath);
  importBaseline(db, preset.election, baseline2019);
  if (hexMap) importHexMap(db, preset.election.id, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
  db.close();
  const server = await startServer({
    dbPath,
    clientDist,
    app: { wire: { election: 'ge2019', source: ftp.source(timeoutMs), intervalMs, nominationsEveryMs } },
  });
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

export const wireDesk = async (server: RunningServer): Promise<WireDesk> =>
  (await editorCall(server, 'GET', '/api/elections/ge2019/wire')).body;

/** Asks again every 50 ms until the wire's desk view passes the check. */
export async function untilDesk(
  server: RunningServer,
  check: (desk: WireDesk) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<WireDesk> {
  const started = Date.now();
  for (;;) {
    const desk = await wireDesk(server);
    if (check(desk)) return desk;
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `${what}: not within ${timeoutMs} ms; ` +
          `the wire reads ${JSON.stringify({ feed: desk.feed, counts: desk.counts, problems: desk.problems, held: desk.held.length })}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Lands a file as PA does: written into the folder, then the folder's .timestamp moved. */
export function lander(uploader: WireSource, folder: PaFolderName = 'results') {
  let stamp = 0;
  return async (name: string, xml: string) => {
    await uploader.write(folder, name, xml);
    await uploader.write(folder, '.timestamp', `${++stamp}\n`);
  };
}

/** The wire log's entry for a file, once it is settled. */
export async function untilLogged(server: RunningServer, name: string, timeoutMs = 15_000): Promise<WireLogEntry> {
  const started = Date.now();
  for (;;) {
    const entry = ((await editorCall(server, 'GET', '/api/elections/ge2019/wire/log')).body.files as WireLogEntry[]).find(
      (f) => f.file === name,
    );
    if (entry) return entry;
    if (Date.now() - started > timeoutMs) throw new Error(`${name} was not settled within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// PA files for one seat at a time, as the fault and desk tests land them.
export const ELECTION = { name: 'Test General Election', date: '2019-12-12' };
const xref2010 = readPaXref(dataFile('pa/ONS-PA-xref.csv'));

/** The generated 2019 TEST night (npm run pa -- generate --preset ge2019 --seed 2019), with any option changed. */
export const plan2019 = (options: Partial<PaNightInput> = {}) =>
  planPaNight({
    election: ELECTION,
    prefix: 'Test_General_Election',
    results: results2019,
    baseline: baseline2019,
    continuity: defaultContinuity(),
    xref: xref2010,
    seed: 2019,
    totalSeats: 650,
    ...options,
  });

export function seat(name: string) {
  const x = xref2010.find((row) => row.paName === name)!;
  const found = results2019.find((r) => r.code === x.onsCode)!;
  return { code: x.onsCode, out: { number: x.paId, name: x.paName }, candidates: found.candidates };
}
export const file = (kind: string, s: ReturnType<typeof seat>, revision: number) =>
  `Test_General_Election_${kind}_${s.out.number}_${revision}.xml`;
const topOf = (candidates: readonly Candidate[]) => candidates.reduce((a, b) => (b.votes > a.votes ? b : a));
export const result = (s: ReturnType<typeof seat>, revision: number, candidates: readonly Candidate[] = s.candidates) =>
  resultXml(ELECTION, s.out, {
    revision,
    declarationTime: '2019-12-13T02:00:00Z',
    gainOrHold: 'hold',
    winningParty: topOf(candidates).party,
    sittingParty: null,
    majority: 0,
    candidates,
    winner: topOf(candidates),
  });
/** The same candidates with the runner-up given more votes (never enough to win). */
export const otherFigures = (candidates: readonly Candidate[], more = 100) => {
  const sorted = [...candidates].sort((a, b) => b.votes - a.votes);
  return candidates.map((c) => (c === sorted[1] ? { ...c, votes: c.votes + more } : c));
};
