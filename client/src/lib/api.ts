/** fetch helpers for the HTTP API; every reply keeps its status so screens can explain it. */
import type { CompactSnapshot, NightReference } from '../../../shared/protocol/compact-snapshot.ts';
import type { Election, ElectionState } from '../../../shared/protocol/schemas.ts';

export type ElectionListing = Election & { seatCount: number; declared: number };

export interface Problem {
  path: string;
  message: string;
}

async function getJson<T>(url: string, cache: RequestCache = 'default'): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export function fetchElections(): Promise<ElectionListing[]> {
  return getJson<ElectionListing[]>('/api/elections');
}

export function fetchElectionState(electionId: string): Promise<ElectionState> {
  // The state may be cached for 2 s; a screen that asks has seen something newer: revalidate (a 304 when unchanged).
  return getJson<ElectionState>(`/api/elections/${encodeURIComponent(electionId)}/state`, 'no-cache');
}

/**
 * The state a screen starts from, over cacheable HTTP, with the ETag the socket is told it holds
 * (election:resume). null when it cannot be had: the socket's own snapshot follows instead.
 */
export async function fetchSnapshot(electionId: string): Promise<{ snapshot: CompactSnapshot; tag: string } | null> {
  try {
    const response = await fetch(`/api/elections/${encodeURIComponent(electionId)}/snapshot`, { headers: { accept: 'application/json' } });
    const tag = response.headers.get('etag');
    if (!response.ok || tag === null) return null;
    return { snapshot: (await response.json()) as CompactSnapshot, tag };
  } catch {
    return null;
  }
}

/** Seats, baselines, parties and candidate lists: what a compact snapshot is read against. */
export function fetchReference(electionId: string): Promise<NightReference> {
  return getJson<NightReference>(`/api/elections/${encodeURIComponent(electionId)}/reference`);
}

/** The election to show: the one asked for if it exists, else ge2017, else the first. */
export function chooseElection(elections: readonly { id: string }[], asked: string | null): string | null {
  if (asked !== null && elections.some((e) => e.id === asked)) return asked;
  return elections.find((e) => e.id === 'ge2017')?.id ?? elections[0]?.id ?? null;
}

// ---- The big screen, the embeds and the screen settings (issue 4) ----
// (Imported here, not above, so this block appends without touching the auth helpers.)
import type { ElectionMode, ExitPoll, ExitPollInput, Feed, HexMap, ScreenSettings, SeatsToWatchVersion } from '../../../shared/protocol/schemas.ts';
import { call } from './desk-api.ts';

/** The election's hex map, or null where it has none (the article elections). */
export function fetchHexMap(electionId: string): Promise<HexMap | null> {
  return getJson<HexMap | null>(`/api/elections/${encodeURIComponent(electionId)}/hexmap`);
}

/** Changes after a sequence number, each with its copy-ready line. */
export function fetchFeed(electionId: string, since: number): Promise<Feed> {
  return getJson<Feed>(`/api/elections/${encodeURIComponent(electionId)}/feed.json?since=${Math.max(0, Math.floor(since))}`);
}

export type SettingsReply<T> = { kind: 'saved'; value: T } | { kind: 'refused'; error: string };

/** A settings change made with the editor's session (cookie and CSRF token), as the entry page makes its writes. */
async function putJson<T>(url: string, body: unknown): Promise<SettingsReply<T>> {
  try {
    const { status, reply } = await call('PUT', url, body);
    if (status >= 200 && status < 300) return { kind: 'saved', value: reply as T };
    return { kind: 'refused', error: String(reply.error) };
  } catch (err) {
    return { kind: 'refused', error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Which panels every big screen runs, in what order and for how long. */
export function saveScreenSettings({ electionId, screen }: { electionId: string; screen: ScreenSettings }) {
  return putJson<ScreenSettings>(`/api/elections/${encodeURIComponent(electionId)}/screen`, screen);
}

/** The broadcasters' exit poll, as typed: a new version every time, and every screen follows. */
export function saveExitPoll({ electionId, poll }: { electionId: string; poll: ExitPollInput }) {
  return putJson<ExitPoll>(`/api/elections/${encodeURIComponent(electionId)}/exit-poll`, poll);
}

/** The seats to watch, the whole list: a new version every time, and every screen follows. */
export function saveSeatsToWatch({ electionId, seats }: { electionId: string; seats: string[] }) {
  return putJson<SeatsToWatchVersion>(`/api/elections/${encodeURIComponent(electionId)}/seats-to-watch`, { seats });
}

/** Live, rehearsal or test: anything but live puts a banner on every screen, embed and feed. */
export function saveMode({ electionId, mode }: { electionId: string; mode: ElectionMode }) {
  return putJson<Election>(`/api/elections/${encodeURIComponent(electionId)}/mode`, { mode });
}
