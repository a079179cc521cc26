import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { tallyNight } from '../../server/import/tally-night.ts';
import { dropNight } from '../../server/wire/drop-night.ts';
import type { Drop } from '../../server/wire/pa-night.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import type { WireDesk } from '../../shared/protocol/wire.ts';
import { watch, type Viewer } from '../support/server.ts';
import { baseline2019, editorCall, plan2019, results2019, untilDesk, wireNight, type WireNight } from '../support/wire.ts';

describe("the whole 2019 night in PA's format, uploaded to a real FTP server and taken off it by the wire role", () => {
  let night: WireNight;
  let viewer: Viewer;
  let drops: Drop[];
  let desk: WireDesk;
  let state: ElectionState;

  beforeAll(async () => {
    drops = plan2019();
    // The night is on the FTP server before the server starts polling: the bench times the same ingest live.
    night = await wireNight({
      async before(ftp) {
        const uploader = ftp.uploader();
        await dropNight(drops, uploader, { speed: Infinity });
        await uploader.close();
      },
    });
    viewer = await watch(night.server, 'ge2019');
    desk = await untilDesk(
      night.server,
      (d) => d.counts.applied + d.counts.skipped + d.counts.held === drops.length && d.feed.state === 'up',
      'every file settled, the feed up',
      90_000,
    );
    state = (await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body;
  }, 180_000);

  afterAll(async () => {
    viewer?.close();
    await night?.close();
  });

  test('ends with the screens equal to npm run tally for 2019, seat for seat', async () => {
    const tally = tallyNight({ baseline: baseline2019, results: results2019, continuity: defaultContinuity(), totalSeats: 650 });
    const served = new Map(state.seatStates.map((s) => [s.code, s.outcome]));
    for (const seat of tally.seats) expect(served.get(seat.code), seat.name).toEqual(seat.outcome);
    expect(state.house).toEqual(tally.house);
    while (viewer.updates.at(-1)?.seq !== state.seq) await viewer.nextUpdate();
    expect(viewer.updates.at(-1)!.house).toEqual(tally.house);
  });

  test('every declaration records its source: the wire, with the file and revision', () => {
    for (const seat of state.seatStates) {
      expect(seat.status, seat.name).toBe('declared');
      expect(seat.declaration?.source).toBe('wire');
      expect(seat.declaration?.wire?.file).toMatch(/^Test_General_Election_result_\d+_[12]\.xml$/);
    }
  });

  const kindsOf = (code: string) =>
    night.server.db
      .prepare("SELECT kind FROM declaration_versions WHERE election_id = 'ge2019' AND seat_code = ? ORDER BY version")
      .pluck()
      .all(code) as string[];

  test('the wrong first revisions were corrected by the second, each a new version with its reason; the revision with no change was skipped', () => {
    const corrected = state.seatStates.filter((s) => s.lastChange === 'corrected');
    expect(corrected.length).toBeGreaterThanOrEqual(5);
    for (const seat of corrected) {
      // A rush before the result is a version of its own (ADR 0024): the figures are its declaration and the correction.
      expect(kindsOf(seat.code).filter((k) => k !== 'rushed')).toEqual(['declared', 'corrected']);
      expect(seat.lastReason).toMatch(/^PA revision 2 \(Test_General_Election_result_\d+_2\.xml\)$/);
      expect(seat.declaration?.wire?.revision).toBe(2);
    }
    const revisions = drops.filter((d) => /_result_\d+_2\.xml$/.test(d.name)).length;
    expect(revisions).toBe(corrected.length + 1);
  });

  test('recounts marked their seats before the result came; rushes gave way to results; nothing was refused or held', async () => {
    const recounted = drops.filter((d) => d.name.includes('_recount_')).length;
    const log = (await editorCall(night.server, 'GET', '/api/elections/ge2019/wire/log')).body.files as Array<{
      kind: string;
      outcome: string;
    }>;
    expect(log.filter((f) => f.kind === 'recount' && f.outcome === 'applied')).toHaveLength(recounted);
    expect(
      state.seatStates.filter(
        (s) =>
          kindsOf(s.code)
            .filter((k) => k !== 'rushed')
            .join() === 'recount,declared',
      ),
    ).toHaveLength(recounted);
    // Each rush went on the screens as a version of its own before its result (ADR 0024).
    const rushed = log.filter((f) => f.kind === 'rush' && f.outcome === 'applied').length;
    expect(rushed).toBe(drops.filter((d) => d.name.includes('_rush_')).length);
    expect(state.seatStates.filter((s) => kindsOf(s.code).includes('rushed'))).toHaveLength(rushed);
    for (const seat of state.seatStates) expect(kindsOf(seat.code).at(-1), seat.name).not.toBe('rushed');
    expect(desk.rushes).toEqual([]);
    expect(desk.recounts).toEqual([]);
    expect(desk.problems).toEqual([]);
    expect(desk.held).toEqual([]);
    expect(desk.counts.held).toBe(0);
  });

  test("PA's last state of parties agrees with our party table, party for party", () => {
    expect(desk.sop).toMatchObject({ file: 'Test_General_Election_SOP_650.xml', paResults: 650, ourResults: 650, differences: [] });
  });

  test('the feed is up, and a restart applies nothing twice', async () => {
    expect(desk.feed.state).toBe('up');
    await night.server.restart();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const again = await untilDesk(night.server, (d) => d.feed.state === 'up', 'the feed up after the restart');
    expect(again.counts).toEqual(desk.counts);
    expect((await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seq).toBe(state.seq);
  });
});
