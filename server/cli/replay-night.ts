/**
 * Feeds a real results file into a running server through its public API,
 * one declaration at a time, at a realistic pace sped up N times: the way
 * editors would on the night, so a newsroom can rehearse with screens live.
 */
import { knownPartyCodes } from '../../shared/domain/party-codes.ts';
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { DeclarationInput, ExpectedTimesInput } from '../../shared/protocol/schemas.ts';
import type { SeatResult } from '../import/hoc-candidates.ts';

/** A small seeded generator (mulberry32), so a random order can be repeated with --seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Seconds after polls close at which each of n declarations comes: the first
 * before midnight, most between 2 and 5 a.m., the last by late morning
 * (a normal curve around 4.5 hours, sd 1.5, kept between 1 and 14 hours).
 */
export function nightSchedule(n: number, seed: number): number[] {
  const random = seededRandom(seed ^ 0x5eed);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    times.push(Math.min(14, Math.max(1, 4.5 + 1.5 * normal)) * 3600);
  }
  return times.sort((a, b) => a - b);
}

export interface ReplayControl {
  paused: boolean;
  stopped: boolean;
}

export interface ReplayOptions {
  url: string;
  token: string;
  election: string;
  /** Mayoral declarations may carry the supplementary vote's second round. */
  results: ReadonlyArray<SeatResult & Pick<DeclarationInput, 'secondRound'>>;
  /** How many times faster than the real night; Infinity for as fast as the server takes them. */
  speed: number;
  order: 'file' | 'random';
  seed: number;
  control?: ReplayControl;
  /** Each seat's electorate and rejected ballots, where a file gives them: turnout needs the electorate. */
  counts?: ReadonlyMap<string, { electorate: number; rejected: number }>;
  onProgress?: (done: number, total: number, seat: SeatResult, outcome: string) => void;
  /** Called with the replay's own schedule (when each seat will come, at this speed) before the first declaration. */
  onSchedule?: (schedule: ExpectedTimesInput) => void | Promise<void>;
}

/** When each seat of a replay is due in wall-clock time: the night's schedule run at the replay's speed from now. */
export function replaySchedule(seats: readonly SeatResult[], schedule: readonly number[], speed: number, start: Date): ExpectedTimesInput {
  return {
    times: seats.map((seat, i) => ({
      seat: seat.code,
      expectedAt: new Date(start.getTime() + (schedule[i] * 1000) / speed).toISOString(),
    })),
  };
}

export interface ReplayReport {
  declared: number;
  /** Seats the server already had (a replay resumed after a stop): left as they were. */
  alreadyDeclared: number;
  refused: Array<{ seat: string; status: number; error: string }>;
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function put(url: string, token: string, body: ExpectedTimesInput): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

async function post(url: string, token: string, body: DeclarationInput): Promise<{ status: number; text: string }> {
  // A server that is restarting is waited for: an unacknowledged declaration is sent again.
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      if (attempt >= 50) throw error;
      await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/**
 * The party codes the server's election knows, from its public reference. A
 * results file is the Library's own, so a code it has and the election does
 * not (no candidate list imported) is a real party: the replay sends it as a
 * new party on purpose, and the audit flags it.
 */
async function knownOnServer(url: string, election: string): Promise<Set<string> | null> {
  try {
    const response = await fetch(`${url}/api/elections/${encodeURIComponent(election)}/reference`);
    if (!response.ok) return null;
    const reference = (await response.json()) as NightReference;
    return knownPartyCodes({ ...reference, candidateLists: reference.candidates });
  } catch {
    return null;
  }
}

export async function replayNight(options: ReplayOptions): Promise<ReplayReport> {
  const { url, token, election, speed, control = { paused: false, stopped: false } } = options;
  const seats = options.order === 'random' ? shuffled(options.results, options.seed) : [...options.results];
  const schedule = nightSchedule(seats.length, options.seed);
  const report: ReplayReport = { declared: 0, alreadyDeclared: 0, refused: [], ms: 0 };
  const started = performance.now();
  const base = url.replace(/\/$/, '');
  const endpoint = `${base}/api/elections/${encodeURIComponent(election)}/declarations`;
  const known = await knownOnServer(base, election);
  let clock = 0;
  // At a finite speed the screens are told when each seat is due, as a newsroom's schedule would.
  if (Number.isFinite(speed)) {
    const expected = replaySchedule(seats, schedule, speed, new Date());
    await options.onSchedule?.(expected);
    const answer = await put(`${url.replace(/\/$/, '')}/api/elections/${encodeURIComponent(election)}/expected-times`, token, expected);
    if (answer.status !== 200) report.refused.push({ seat: 'expected-times', status: answer.status, error: answer.text });
  }
  for (let i = 0; i < seats.length && !control.stopped; i++) {
    if (Number.isFinite(speed)) {
      await sleep(((schedule[i] - clock) * 1000) / speed);
      clock = schedule[i];
    }
    while (control.paused && !control.stopped) await sleep(100);
    const seat = seats[i];
    const newParties = known ? [...new Set(seat.candidates.map((c) => c.party).filter((p) => !known.has(p)))] : [];
    const counts = options.counts?.get(seat.code);
    const body: DeclarationInput = {
      seat: seat.code,
      candidates: seat.candidates,
      ...counts,
      source: 'replay',
      ...(seat.secondRound && { secondRound: seat.secondRound }),
      ...(newParties.length > 0 && { newParties }),
    };
    const { status, text } = await post(endpoint, token, body);
    let outcome = 'declared';
    if (status === 201) report.declared++;
    else if (status === 409) {
      report.alreadyDeclared++;
      outcome = 'already declared';
    } else {
      const error = (() => {
        try {
          return JSON.parse(text).error as string;
        } catch {
          return text;
        }
      })();
      report.refused.push({ seat: seat.code, status, error });
      outcome = `refused ${status}: ${error}`;
      if (status === 401 || status === 404) break;
    }
    options.onProgress?.(i + 1, seats.length, seat, outcome);
  }
  report.ms = performance.now() - started;
  return report;
}
