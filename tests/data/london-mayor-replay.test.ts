import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { replayNight } from '../../server/cli/replay-night.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { LONDON, londonDeclarations, londonNight, readLondonMayor, type CountYear } from '../../server/import/london-mayor.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { api, startServer, tempDir, TEST_TOKEN, type RunningServer } from '../support/server.ts';

const file = readLondonMayor();

describe('data/london-mayor.json', () => {
  test('the 14 published 2024 areas add up to the official London-wide figures: Khan 1,088,225, Hall 812,397', () => {
    const sum = (name: string) =>
      Object.values(file.counts['2024'].areas)
        .flatMap((a) => a.candidates)
        .filter((c) => c.name === name)
        .reduce((t, c) => t + c.votes, 0);
    expect(Object.keys(file.counts['2024'].areas)).toHaveLength(14);
    expect(sum('Sadiq Khan')).toBe(1088225);
    expect(sum('Susan Hall')).toBe(812397);
  });

  test('the 2021 official first choices add up to the valid first choices declared, 2,531,357', () => {
    expect(file.counts['2021'].official.firstChoices!.reduce((t, c) => t + c.votes, 0)).toBe(2531357);
  });

  test('cites a page for every area result it gives', () => {
    for (const year of ['2021', '2024'] as const) {
      for (const [code, area] of Object.entries(file.counts[year].areas)) expect(area.source, `${year} ${code}`).toMatch(/^https:\/\//);
    }
  });
});

async function rehearse(year: CountYear): Promise<{ state: ElectionState; server: RunningServer }> {
  const dbPath = path.join(tempDir(), `london-${year}.sqlite`);
  const db = openDatabase(dbPath);
  const { election, seats } = londonNight(file, year);
  importBaseline(db, election, seats);
  db.close();
  const server = await startServer({ dbPath });
  const report = await replayNight({
    url: server.url,
    token: TEST_TOKEN,
    election: election.id,
    results: londonDeclarations(file, year),
    speed: Infinity,
    order: 'file',
    seed: 1,
  });
  expect(report.refused).toEqual([]);
  const state = (await api(server, 'GET', `/api/elections/${election.id}/state`)).body as ElectionState;
  return { state, server };
}

/** The night rehearsed once for a describe block, its server closed after. */
function rehearsed(year: CountYear): { state: ElectionState; server: RunningServer } {
  const night = {} as { state: ElectionState; server: RunningServer };
  beforeAll(async () => void Object.assign(night, await rehearse(year)), 60_000);
  afterAll(async () => night.server?.close());
  return night;
}

describe('a rehearsal of the 2024 count (first past the post), area by area into a running server', () => {
  const night = rehearsed('2024');

  test('ends with all 14 areas declared and the London-wide figures equal to the official ones', () => {
    const race = mayoralRace({
      count: night.state.election.count!,
      seatStates: night.state.seatStates,
      continuity: { aliases: {}, successors: {} },
    });
    expect(race.areasDeclared).toBe(14);
    expect(race.totals.map((c) => [c.name, c.votes])).toEqual([
      ['Sadiq Khan', 1088225],
      ['Susan Hall', 812397],
    ]);
    expect(race.mismatches).toEqual([]);
    expect(race.declaredResult?.decision).toMatchObject({ kind: 'elected', winner: { name: 'Sadiq Khan', votes: 1088225 } });
    expect(race.label?.text).toBe('Lab HOLD');
  });

  test('gives West Central and South West as Labour gains from the Conservatives, as reported', () => {
    const label = (name: string) => night.state.seatStates.find((s) => s.name === name)?.outcome?.label.text;
    expect(label('West Central')).toBe('Lab GAIN from Con');
    expect(label('South West')).toBe('Lab GAIN from Con');
    expect(label('Ealing and Hillingdon')).toBe('Con HOLD');
  });

  test('puts the race in the JSON feed as its headline, a line ready to copy', async () => {
    const feed = (await api(night.server, 'GET', '/api/elections/london-2024/feed.json')).body;
    expect(feed.headline).toBe('Sadiq Khan (Lab) is elected mayor: Lab HOLD; Khan 1,088,225, Hall 812,397');
  });
});

describe('a rehearsal of the 2021 count (supplementary vote)', () => {
  const night = rehearsed('2021');

  test('replays the four areas whose figures were found, then London: both rounds equal the official figures', () => {
    const race = mayoralRace({
      count: night.state.election.count!,
      seatStates: night.state.seatStates,
      continuity: { aliases: {}, successors: {} },
    });
    expect(race.areasDeclared).toBe(4);
    const result = race.declaredResult!;
    expect(result.firstRound.slice(0, 2).map((c) => [c.name, c.votes])).toEqual([
      ['Sadiq Khan', 1013721],
      ['Shaun Bailey', 893051],
    ]);
    expect(result.secondRound!.map((c) => [c.name, c.votes])).toEqual([
      ['Sadiq Khan', 1206034],
      ['Shaun Bailey', 977601],
    ]);
    expect(race.label?.text).toBe('Lab HOLD');
    expect(night.state.seatStates.find((s) => s.code === LONDON)?.declaration?.secondRound).toEqual([
      { name: 'Sadiq Khan', votes: 192313 },
      { name: 'Shaun Bailey', votes: 84550 },
    ]);
  });
});
