import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recountXml, rushXml, sopXml } from '../../server/wire/pa-writer.ts';
import type { WireSource } from '../../server/wire/wire-source.ts';
import type { SeatState } from '../../shared/protocol/schemas.ts';
import type { WireDesk, WireLogEntry } from '../../shared/protocol/wire.ts';
import { addUser, editorSocket, login } from '../support/session.ts';
import {
  editorCall,
  ELECTION,
  file,
  lander,
  otherFigures,
  result,
  seat,
  untilDesk,
  untilLogged as untilSettled,
  wireNight,
  type WireNight,
} from '../support/wire.ts';

describe('the wire survives what PA and networks do, and the desk stays in charge', () => {
  let night: WireNight;
  let uploader: WireSource;
  let land: ReturnType<typeof lander>;
  const seatState = async (code: string): Promise<SeatState> =>
    (await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seatStates.find((s: SeatState) => s.code === code);
  const logOf = async (name: string): Promise<WireLogEntry | undefined> =>
    ((await editorCall(night.server, 'GET', '/api/elections/ge2019/wire/log')).body.files as WireLogEntry[]).find((f) => f.file === name);
  const settled = (name: string) => (d: WireDesk) =>
    d.counts.applied + d.counts.skipped + d.counts.held > 0 && !d.problems.some((p) => p.file === name);
  const untilLogged = (name: string) => untilSettled(night.server, name);

  beforeAll(async () => {
    night = await wireNight({ intervalMs: 200, timeoutMs: 1500 });
    uploader = night.ftp.uploader();
    land = lander(uploader);
    await untilDesk(night.server, (d) => d.feed.state === 'up', 'the feed up');
  }, 60_000);

  afterAll(async () => {
    await uploader?.close();
    await night?.close();
  });

  test('a half-uploaded file is reported on the desk with its name and why, changes nothing, and is applied once the whole file lands', async () => {
    const aldershot = seat('Aldershot');
    const name = file('result', aldershot, 1);
    const xml = result(aldershot, 1);
    const before = (await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seq;
    await land(name, xml.slice(0, 300));
    const desk = await untilDesk(night.server, (d) => d.problems.some((p) => p.file === name), 'the half file reported');
    expect(desk.problems.find((p) => p.file === name)!.reason).toMatch(/^not well-formed XML .*half-uploaded/);
    expect((await seatState(aldershot.code)).status).toBe('undeclared');
    expect((await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seq).toBe(before);
    await land(name, xml);
    await untilDesk(night.server, settled(name), 'the whole file applied');
    expect(await seatState(aldershot.code)).toMatchObject({
      status: 'declared',
      version: 1,
      declaration: { source: 'wire', wire: { file: name, revision: 1 } },
    });
  });

  test('a malformed revision is reported and never half applied; the next good revision is applied and clears it', async () => {
    const bath = seat('Bath');
    await land(file('result', bath, 1), result(bath, 1).replace(/votes="(\d+)"/, 'votes="$1x"'));
    const desk = await untilDesk(night.server, (d) => d.problems.some((p) => p.file === file('result', bath, 1)), 'the bad file reported');
    expect(desk.problems.find((p) => p.file === file('result', bath, 1))!.reason).toContain('Party@votes: must be a whole number');
    expect((await seatState(bath.code)).status).toBe('undeclared');
    await land(file('result', bath, 2), result(bath, 2));
    const after = await untilDesk(night.server, settled(file('result', bath, 1)), 'revision 2 applied, the problem cleared');
    expect(after.problems).toEqual([]);
    expect(await seatState(bath.code)).toMatchObject({ status: 'declared', version: 1, declaration: { wire: { revision: 2 } } });
  });

  test('the same file landing twice is applied once', async () => {
    const banbury = seat('Banbury');
    const name = file('result', banbury, 1);
    await land(name, result(banbury, 1));
    await untilLogged(name);
    const seq = (await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seq;
    await land(name, result(banbury, 1));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await seatState(banbury.code)).version).toBe(1);
    expect((await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body.seq).toBe(seq);
  });

  test('files out of order: a later revision first, then the earlier one is skipped; a rush after its result is skipped', async () => {
    const barking = seat('Barking');
    const revised = otherFigures(barking.candidates);
    await land(file('result', barking, 2), result(barking, 2, revised));
    await untilLogged(file('result', barking, 2));
    await land(file('result', barking, 1), result(barking, 1));
    expect(await untilLogged(file('result', barking, 1))).toMatchObject({
      outcome: 'skipped',
      note: 'revision 1 is not newer than revision 2, already received',
    });
    await land(
      file('rush', barking, 1),
      rushXml(ELECTION, barking.out, { revision: 1, gainOrHold: 'hold', winningParty: 'Lab', sittingParty: 'Lab' }),
    );
    expect(await untilLogged(file('rush', barking, 1))).toMatchObject({ outcome: 'skipped', note: 'the full result is already in' });
    const state = await seatState(barking.code);
    expect(state).toMatchObject({ version: 1, declaration: { wire: { revision: 2 } } });
    expect(state.declaration!.candidates).toEqual(revised);
  });

  test('a rush shows on the desk as the winner and HOLD or GAIN awaiting figures, until the result replaces it', async () => {
    const bedford = seat('Bedford');
    await land(
      file('rush', bedford, 1),
      rushXml(ELECTION, bedford.out, { revision: 1, gainOrHold: 'gain', winningParty: 'Con', sittingParty: 'Lab' }),
    );
    const desk = await untilDesk(night.server, (d) => d.rushes.some((r) => r.seat === bedford.code), 'the rush on the desk');
    expect(desk.rushes.find((r) => r.seat === bedford.code)).toMatchObject({
      name: 'Bedford',
      label: 'Con GAIN from Lab',
      gainOrHold: 'gain',
    });
    await land(file('result', bedford, 1), result(bedford, 1));
    await untilDesk(night.server, (d) => !d.rushes.some((r) => r.seat === bedford.code), 'the rush gone');
    expect((await seatState(bedford.code)).status).toBe('declared');
  });

  test('a recount marks the seat on every screen', async () => {
    const ashford = seat('Ashford');
    await land(file('recount', ashford, 1), recountXml(ELECTION, ashford.out, 1));
    await untilLogged(file('recount', ashford, 1));
    expect(await seatState(ashford.code)).toMatchObject({ status: 'recount', lastChange: 'recount' });
    expect(
      (await untilDesk(night.server, (d) => d.recounts.some((r) => r.seat === ashford.code), 'the recount on the desk')).recounts,
    ).toContainEqual(expect.objectContaining({ name: 'Ashford' }));
  });

  test("a wire result for a seat the desk entered with other figures is held beside the desk's, never overwritten; the editor decides", async () => {
    const ashfield = seat('Ashfield');
    const amber = seat('Amber Valley');
    for (const s of [ashfield, amber]) {
      const entered = await editorCall(night.server, 'POST', '/api/elections/ge2019/declarations', {
        seat: s.code,
        candidates: otherFigures(s.candidates, 50),
      });
      expect(entered.status).toBe(201);
      await land(file('result', s, 1), result(s, 1));
    }
    const desk = await untilDesk(night.server, (d) => d.held.length === 2, 'both held');
    const held = desk.held.find((h) => h.seat === ashfield.code)!;
    expect(held).toMatchObject({ heldFor: 'disagree', name: 'Ashfield', deskVersion: 1, file: file('result', ashfield, 1) });
    expect(held.wire.candidates).toEqual(ashfield.candidates);
    expect(held.desk!.candidates).toEqual(otherFigures(ashfield.candidates, 50));
    expect((await seatState(ashfield.code)).declaration!.candidates).toEqual(otherFigures(ashfield.candidates, 50));

    // Keep the desk's figures: the wire's stay in the wire's log beside the decision.
    const kept = await editorCall(night.server, 'POST', `/api/elections/ge2019/wire/held/${held.id}`, {
      action: 'keep-desk',
      reason: 'our reporter at the count has the declared figures',
    });
    expect(kept.status).toBe(200);
    expect(await logOf(file('result', ashfield, 1))).toMatchObject({
      outcome: 'held',
      resolution: 'kept-desk',
      resolvedBy: expect.any(String),
      resolutionNote: 'our reporter at the count has the declared figures',
      wire: { candidates: ashfield.candidates },
    });
    expect((await seatState(ashfield.code)).declaration!.candidates).toEqual(otherFigures(ashfield.candidates, 50));

    // Take the wire's: a correction, its source the wire.
    const other = desk.held.find((h) => h.seat === amber.code)!;
    expect((await editorCall(night.server, 'POST', `/api/elections/ge2019/wire/held/${other.id}`, { action: 'publish' })).status).toBe(200);
    expect(await seatState(amber.code)).toMatchObject({
      version: 2,
      lastChange: 'corrected',
      declaration: { source: 'wire', candidates: amber.candidates },
    });
    expect((await wireDeskNow()).held).toEqual([]);
    expect((await editorCall(night.server, 'POST', `/api/elections/ge2019/wire/held/${other.id}`, { action: 'publish' })).status).toBe(409);
  });

  test("a wire result with the desk's own figures is taken as agreement, not a new version", async () => {
    const barnsley = seat('Barnsley Central');
    expect(
      (
        await editorCall(night.server, 'POST', '/api/elections/ge2019/declarations', {
          seat: barnsley.code,
          candidates: barnsley.candidates,
        })
      ).status,
    ).toBe(201);
    await land(file('result', barnsley, 1), result(barnsley, 1));
    expect(await untilLogged(file('result', barnsley, 1))).toMatchObject({ outcome: 'skipped', note: "agrees with the desk's figures" });
    expect((await seatState(barnsley.code)).version).toBe(1);
  });

  test('when the election waits for the desk, a wire result is held until an editor publishes it', async () => {
    expect((await editorCall(night.server, 'PUT', '/api/elections/ge2019/wire/settings', { publish: 'confirm' })).body).toEqual({
      publish: 'confirm',
    });
    const basingstoke = seat('Basingstoke');
    await land(file('result', basingstoke, 1), result(basingstoke, 1));
    const desk = await untilDesk(night.server, (d) => d.held.some((h) => h.seat === basingstoke.code), 'held for the desk');
    const held = desk.held.find((h) => h.seat === basingstoke.code)!;
    expect(held).toMatchObject({ heldFor: 'confirm', desk: null, deskVersion: 0 });
    expect((await seatState(basingstoke.code)).status).toBe('undeclared');
    await editorCall(night.server, 'POST', `/api/elections/ge2019/wire/held/${held.id}`, { action: 'publish' });
    expect(await seatState(basingstoke.code)).toMatchObject({
      status: 'declared',
      declaration: { source: 'wire', wire: { file: file('result', basingstoke, 1) } },
    });
    await editorCall(night.server, 'PUT', '/api/elections/ge2019/wire/settings', { publish: 'at-once' });
  });

  test('a state of parties that disagrees with our party table shows each difference on the desk', async () => {
    const state = (await editorCall(night.server, 'GET', '/api/elections/ge2019/state')).body;
    const parties = state.house.partyTable.map(
      (r: { party: string; seats: number; gains: number; losses: number; votes: number; share: number }) => ({
        ...r,
        seats: r.party === 'Con' ? r.seats + 2 : r.seats,
      }),
    );
    await land(
      'Test_General_Election_SOP_9.xml',
      sopXml(ELECTION, { results: state.house.declared, totalSeats: 650, parties, included: [] }),
    );
    const desk = await untilDesk(night.server, (d) => d.sop?.file === 'Test_General_Election_SOP_9.xml', 'the check on the desk');
    const con = state.house.partyTable.find((r: { party: string }) => r.party === 'Con');
    expect(desk.sop!.differences).toEqual([
      {
        party: 'Con',
        pa: { seats: con.seats + 2, gains: con.gains, losses: con.losses },
        ours: { seats: con.seats, gains: con.gains, losses: con.losses },
      },
    ]);
  });

  test('the FTP server gone: the desk is told the feed is down, manual entry goes on, and the poller takes new files when it is back', async () => {
    await addUser(night.server, 'wire-editor');
    const socket = await editorSocket(night.server, await login(night.server, 'wire-editor'));
    try {
      await new Promise((resolve) => socket.emit('desk:join', 'ge2019', resolve));
      const down = new Promise<WireDesk>((resolve) => socket.on('wire:changed', (d) => d.feed.state === 'down' && resolve(d)));
      await night.ftp.stop();
      const told = await down;
      expect(told.feed.detail).toMatch(/ECONNREFUSED|trying again/);

      const bedfordshire = seat('Bedfordshire Mid');
      expect(
        (
          await editorCall(night.server, 'POST', '/api/elections/ge2019/declarations', {
            seat: bedfordshire.code,
            candidates: bedfordshire.candidates,
          })
        ).status,
      ).toBe(201);

      await night.ftp.start();
      const beckenham = seat('Beckenham');
      await land(file('result', beckenham, 1), result(beckenham, 1));
      await untilDesk(night.server, (d) => d.feed.state === 'up', 'the feed up again', 40_000);
      await untilLogged(file('result', beckenham, 1));
      expect((await seatState(beckenham.code)).status).toBe('declared');
    } finally {
      socket.close();
    }
  }, 60_000);

  const wireDeskNow = async (): Promise<WireDesk> => (await editorCall(night.server, 'GET', '/api/elections/ge2019/wire')).body;
});
