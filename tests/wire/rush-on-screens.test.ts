/**
 * A rush on every public screen at once (ADR 0024): a rush file on a real FTP server reaches a
 * real socket.io-client viewer and the seat embed as the winner and HOLD or GAIN awaiting
 * figures, counted in the party table's seats but not its votes; the full result replaces it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recountXml, rushXml } from '../../server/wire/pa-writer.ts';
import type { WireSource } from '../../server/wire/wire-source.ts';
import type { SeatEmbedReply } from '../../shared/protocol/embed-replies.ts';
import type { ElectionState, ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { watch, type Viewer } from '../support/server.ts';
import { request } from '../support/session.ts';
import { editorCall, ELECTION, file, lander, result, seat, type WireNight, wireNight } from '../support/wire.ts';

describe('a rush from the wire on every screen', () => {
  let night: WireNight;
  let uploader: WireSource;
  let viewer: Viewer;
  let land: ReturnType<typeof lander>;
  const publicGet = async <T>(route: string): Promise<T> => {
    const answer = await request(night.server, 'GET', route, undefined, { origin: null });
    expect(answer.status).toBe(200);
    return answer.body as T;
  };
  /** The viewer's next update for this seat (others may come between). */
  async function nextFor(code: string): Promise<ElectionUpdate> {
    for (;;) {
      const update = await viewer.nextUpdate();
      if (update.seat.code === code) return update;
    }
  }

  beforeAll(async () => {
    night = await wireNight({ intervalMs: 200, timeoutMs: 1500 });
    uploader = night.ftp.uploader();
    land = lander(uploader);
    viewer = await watch(night.server, 'ge2019');
  }, 60_000);

  afterAll(async () => {
    viewer?.close();
    await uploader?.close();
    await night?.close();
  });

  test('the rush shows as the winner and GAIN awaiting figures on a socket viewer and the seat embed; the result replaces it', async () => {
    const bedford = seat('Bedford');
    await land(
      file('rush', bedford, 1),
      rushXml(ELECTION, bedford.out, { revision: 1, gainOrHold: 'gain', winningParty: 'C', sittingParty: 'Lab' }),
    );

    const rushed = await nextFor(bedford.code);
    expect(rushed.change).toBe('rushed');
    expect(rushed.seat).toMatchObject({
      status: 'rushed',
      outcome: null,
      declaration: null,
      rush: {
        party: 'Con',
        label: { kind: 'GAIN', text: 'Con GAIN from Lab' },
        gainFor: 'Con',
        lossFor: 'Lab',
        source: 'wire',
        wire: { file: file('rush', bedford, 1), revision: 1 },
      },
    });
    expect(rushed.line).toBe('Bedford: Con GAIN from Lab. Figures to follow.');
    // The party table counts the seat won on the rush; its votes wait for the figures.
    expect(rushed.house!.declared).toBe(1);
    expect(rushed.house!.partyTable).toEqual([
      expect.objectContaining({ party: 'Con', seats: 1, gains: 1, votes: 0 }),
      expect.objectContaining({ party: 'Lab', seats: 0, losses: 1, net: -1, votes: 0 }),
    ]);
    expect(rushed.house!.turnout).toBeNull();

    const embed = await publicGet<SeatEmbedReply>(`/api/elections/ge2019/seats/${bedford.code}`);
    expect(embed.now).toMatchObject({ status: 'rushed', outcome: null, rush: { label: { text: 'Con GAIN from Lab' } } });
    expect(embed.parties.map((p) => p.code)).toContain('Con');
    const latest = await publicGet<{ seatStates: ElectionState['seatStates'] }>('/api/elections/ge2019/latest');
    expect(latest.seatStates[0]).toMatchObject({ code: bedford.code, status: 'rushed' });
    const feed = await publicGet<{ entries: Array<{ change: string; line: string }> }>('/api/elections/ge2019/feed.json');
    expect(feed.entries.at(-1)).toMatchObject({ change: 'rushed', line: 'Bedford: Con GAIN from Lab. Figures to follow.' });

    // The audit lists the rush: who (the wire) and what it said.
    const audit = await editorCall(night.server, 'GET', `/api/elections/ge2019/audit?seat=${bedford.code}`);
    expect(audit.status).toBe(200);
    expect(audit.body).toContainEqual(
      expect.objectContaining({ kind: 'rushed', enteredBy: 'PA wire', source: 'wire', after: 'rush: Con, GAIN per PA, awaiting figures' }),
    );

    // A viewer arriving now is sent the rushed seat in its snapshot.
    const late = await watch(night.server, 'ge2019');
    expect(late.snapshots[0].seatStates.find((s) => s.code === bedford.code)).toMatchObject({
      status: 'rushed',
      rush: { label: { text: 'Con GAIN from Lab' } },
    });
    expect(late.snapshots[0].house.partyTable[0]).toMatchObject({ party: 'Con', seats: 1 });
    late.close();

    await land(file('result', bedford, 1), result(bedford, 1));
    const declared = await nextFor(bedford.code);
    expect(declared.change).toBe('declared');
    expect(declared.seat.status).toBe('declared');
    expect(declared.seat.rush).toBeUndefined();
    expect(declared.seat.outcome!.label.text).toBe('Lab HOLD');
    expect(declared.house!.declared).toBe(1);
    expect(declared.house!.partyTable[0]).toMatchObject({ party: 'Lab', seats: 1, gains: 0 });
    expect(declared.house!.partyTable.find((r) => r.party === 'Con')!.votes).toBeGreaterThan(0);
    const after = await publicGet<SeatEmbedReply>(`/api/elections/ge2019/seats/${bedford.code}`);
    expect(after.now).toMatchObject({ status: 'declared', outcome: { label: { text: 'Lab HOLD' } } });
    expect(after.now.rush).toBeUndefined();
  });

  test('a recount marks the seat on a socket viewer and the seat embed', async () => {
    const ashford = seat('Ashford');
    await land(file('recount', ashford, 1), recountXml(ELECTION, ashford.out, 1));
    const update = await nextFor(ashford.code);
    expect(update).toMatchObject({ change: 'recount', seat: { status: 'recount' } });
    expect((await publicGet<SeatEmbedReply>(`/api/elections/ge2019/seats/${ashford.code}`)).now.status).toBe('recount');
  });
});
