import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { LONDON, londonNight, readLondonMayor } from '../../server/import/london-mayor.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { NO_CONTINUITY } from '../../shared/domain/party.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { api, startServer, tempDir, watch, type RunningServer, type Viewer } from '../support/server.ts';

const BARNET = 'E32000001';
const khan = (votes: number) => ({ name: 'Sadiq Khan', party: 'Lab', votes });
const bailey = (votes: number) => ({ name: 'Shaun Bailey', party: 'Con', votes });

describe('declarations of a mayoral count through the API, as for seats', () => {
  let server: RunningServer;
  let viewer: Viewer;
  const race = async () => {
    const state = (await api(server, 'GET', '/api/elections/london-2021/state')).body as ElectionState;
    return mayoralRace({ count: state.election.count!, seatStates: state.seatStates, continuity: NO_CONTINUITY });
  };

  beforeAll(async () => {
    const dbPath = path.join(tempDir(), 'mayoral.sqlite');
    const db = openDatabase(dbPath);
    const { election, seats } = londonNight(readLondonMayor(), '2021');
    importBaseline(db, election, seats);
    db.close();
    server = await startServer({ dbPath });
    viewer = await watch(server, 'london-2021');
  });
  afterAll(async () => {
    viewer?.close();
    await server?.close();
  });

  test('an area declares its first choices and its second round; a correction and a recount move the race', async () => {
    const base = `/api/elections/london-2021/seats/${BARNET}`;
    const declared = await api(server, 'POST', '/api/elections/london-2021/declarations', {
      seat: BARNET,
      candidates: [khan(67610), bailey(65822)],
      secondRound: [
        { name: 'Sadiq Khan', votes: 100 },
        { name: 'Shaun Bailey', votes: 50 },
      ],
    });
    expect(declared.status).toBe(201);
    expect((await viewer.nextUpdate()).seat.declaration?.secondRound).toEqual([
      { name: 'Sadiq Khan', votes: 100 },
      { name: 'Shaun Bailey', votes: 50 },
    ]);
    expect(await race()).toMatchObject({ areasDeclared: 1, gap: 1788 + 50 });

    const corrected = await api(server, 'POST', `${base}/correction`, {
      candidates: [khan(67610), bailey(65822)],
      reason: 'second round not yet counted',
    });
    expect(corrected.status).toBe(200);
    expect(await race()).toMatchObject({ areasDeclared: 1, gap: 1788, secondChoices: [] });

    expect((await api(server, 'POST', `${base}/recount`, { reason: 'recount called' })).status).toBe(200);
    expect(await race()).toMatchObject({ areasDeclared: 0, leader: null, line: 'No areas declared yet' });
  });

  test('refuses second choices for someone not on the ballot, naming the field, and changes nothing', async () => {
    const before = await race();
    const refused = await api(server, 'POST', '/api/elections/london-2021/declarations', {
      seat: LONDON,
      candidates: [khan(1013721), bailey(893051)],
      secondRound: [{ name: 'Sian Berry', votes: 5 }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toContain('secondRound[0].name: Sian Berry is not one of the candidates');
    expect(await race()).toEqual(before);
  });

  test('keeps every version in the audit: declared, corrected, recount', async () => {
    const audit = await api(server, 'GET', `/api/elections/london-2021/audit?seat=${BARNET}`);
    expect(audit.status).toBe(200);
    const kinds = (audit.body as Array<{ version: number; kind: string }>).sort((a, b) => a.version - b.version).map((v) => v.kind);
    expect(kinds).toEqual(['declared', 'corrected', 'recount']);
  });
});
