/**
 * The 2019 night replayed into a real server process that is SIGKILLed at
 * random moments and started again: every acknowledged declaration survives,
 * none twice, the versions stay whole, and every screen ends on the server's state.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { replayNight, seededRandom } from '../../server/cli/replay-night.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { freePort, startChild, type ChildServer } from '../support/child-server.ts';
import { ConvergentViewer, stateDigest, until } from '../support/convergent-viewer.ts';
import { tempDir, TEST_TOKEN } from '../support/server.ts';

const SEED = 6;
const KILLS = 4;

describe('a server killed with SIGKILL four times while the 2019 night is entered', () => {
  const preset = PRESETS.ge2019;
  const results = readHocCandidates(dataFile(preset.results));
  const dbPath = path.join(tempDir('election-crash-'), 'night.sqlite');
  const acknowledged = new Set<string>();
  const random = seededRandom(SEED);
  let server: ChildServer;
  let port: number;
  let viewers: ConvergentViewer[] = [];
  let latecomer: ConvergentViewer;
  let served: ElectionState;
  let kills = 0;

  const start = async () => {
    server = await startChild({
      port,
      env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: TEST_TOKEN },
      ready: /Election night:/,
    });
  };

  beforeAll(async () => {
    const db = openDatabase(dbPath);
    importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
    db.close();
    port = await freePort();
    await start();
    const url = server.url;
    viewers = [new ConvergentViewer([url], 'ge2019'), new ConvergentViewer([url], 'ge2019'), new ConvergentViewer([url], 'ge2019')];
    latecomer = new ConvergentViewer([url], 'ge2019');
    await until(() => [...viewers, latecomer].every((v) => v.state !== null), 'the first snapshots');

    // Kills come after a seeded number of declarations, a seeded few ms into the next request.
    const killAfter = Array.from({ length: KILLS }, () => 40 + Math.floor(random() * 560)).sort((a, b) => a - b);
    let restarting: Promise<void> = Promise.resolve();
    const report = await replayNight({
      url,
      token: TEST_TOKEN,
      election: 'ge2019',
      results,
      speed: Infinity,
      order: 'random',
      seed: SEED,
      onProgress(done, _total, seat, outcome) {
        if (outcome === 'declared') acknowledged.add(seat.code);
        if (done === 100) latecomer.goOffline();
        if (done === 500) latecomer.reconnect();
        if (kills < KILLS && done >= killAfter[kills]) {
          kills++;
          const delayMs = Math.floor(random() * 6);
          restarting = restarting.then(async () => {
            await new Promise((resolve) => setTimeout(resolve, delayMs));
            await server.kill('SIGKILL');
            await start();
          });
        }
      },
    });
    await restarting;
    expect(report.refused).toEqual([]);
    expect(report.declared + report.alreadyDeclared).toBe(650);
    served = (await (await fetch(`${url}/api/elections/ge2019/state`)).json()) as ElectionState;
    await until(() => [...viewers, latecomer].every((v) => v.state?.seq === served.seq), 'every viewer to reach the server seq', 30_000);
  }, 85_000);

  afterAll(async () => {
    for (const viewer of [...viewers, latecomer]) viewer?.close();
    await server?.kill('SIGTERM');
  });

  test('was really killed four times', () => {
    expect(kills).toBe(KILLS);
  });

  test('keeps every acknowledged declaration, each declared once, with whole version and sequence numbers', () => {
    const db = new Database(dbPath, { readonly: true });
    const rows = db
      .prepare("SELECT seat_code, version, kind, seq FROM declaration_versions WHERE election_id = 'ge2019' ORDER BY seq")
      .all() as Array<{ seat_code: string; version: number; kind: string; seq: number }>;
    const lastSeq = db.prepare("SELECT last_seq FROM elections WHERE election_id = 'ge2019'").pluck().get();
    db.close();

    const declaredSeats = rows.filter((r) => r.kind === 'declared').map((r) => r.seat_code);
    for (const seat of acknowledged) expect(declaredSeats, `acknowledged ${seat}`).toContain(seat);
    expect(new Set(declaredSeats).size).toBe(declaredSeats.length);
    expect(declaredSeats.length).toBe(650);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    expect(lastSeq).toBe(rows.length);
    const bySeat = new Map<string, number[]>();
    for (const r of rows) bySeat.set(r.seat_code, [...(bySeat.get(r.seat_code) ?? []), r.version]);
    for (const [seat, versions] of bySeat) expect(versions, seat).toEqual(versions.map((_, i) => i + 1));
  });

  test('leaves every connected viewer with exactly the server state, no update applied twice', () => {
    const expected = stateDigest(served);
    for (const viewer of viewers) {
      expect(viewer.digest()).toBe(expected);
      expect(viewer.applied).toEqual([...viewer.applied].sort((a, b) => a - b));
      expect(new Set(viewer.applied).size).toBe(viewer.applied.length);
      // One snapshot per (re)connection: the first and one after each kill, plus any asked for on a gap.
      expect(viewer.snapshots).toBeGreaterThanOrEqual(1 + KILLS);
    }
  });

  test('catches up a viewer that was offline for part of the night', () => {
    expect(latecomer.digest()).toBe(stateDigest(served));
  });
});
