/** fetch helpers for the HTTP API; every reply keeps its status so screens can explain it. */
import type { NightReference } from '../../../shared/protocol/compact-snapshot.ts';
import type {
  DeclarationInput,
  Election,
  ElectionState,
  SeatState,
} from '../../../shared/protocol/schemas.ts';

export type ElectionListing = Election & { seatCount: number; declared: number };

export interface Problem {
  path: string;
  message: string;
}

export type PublishReply =
  | { kind: 'published'; seat: SeatState; seq: number }
  | { kind: 'invalid'; error: string; problems: Problem[] }
  | { kind: 'unauthorised'; error: string }
  | { kind: 'not-found'; error: string }
  | { kind: 'already-declared'; error: string; seat: SeatState | null }
  | { kind: 'failed'; error: string };

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

/** Seats, baselines, parties and candidate lists: what a compact snapshot is read against. */
export function fetchReference(electionId: string): Promise<NightReference> {
  return getJson<NightReference>(`/api/elections/${encodeURIComponent(electionId)}/reference`);
}

/** The election to show: the one asked for if it exists, else ge2017, else the first. */
export function chooseElection(elections: readonly { id: string }[], asked: string | null): string | null {
  if (asked !== null && elections.some((e) => e.id === asked)) return asked;
  return elections.find((e) => e.id === 'ge2017')?.id ?? elections[0]?.id ?? null;
}

/** The body a declaration is sent with: the typed fields, and anything the editor typed that is not yet valid. */
export type DeclarationBody = Omit<DeclarationInput, 'candidates' | 'electorate' | 'rejected'> & {
  candidates: { name: string; party: string; votes: unknown }[];
  electorate?: unknown;
  rejected?: unknown;
};

async function readBody(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function publishDeclaration({
  electionId,
  token,
  body,
}: {
  electionId: string;
  token: string;
  body: DeclarationBody;
}): Promise<PublishReply> {
  let response: Response;
  try {
    response = await fetch(`/api/elections/${encodeURIComponent(electionId)}/declarations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (err) {
    return { kind: 'failed', error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}` };
  }
  const reply = await readBody(response);
  const error = typeof reply.error === 'string' ? reply.error : `${response.status} ${response.statusText}`;
  switch (response.status) {
    case 200:
    case 201:
      return { kind: 'published', seat: reply.seat as SeatState, seq: Number(reply.seq) };
    case 400:
      return { kind: 'invalid', error, problems: Array.isArray(reply.problems) ? (reply.problems as Problem[]) : [] };
    case 401:
    case 403:
      return { kind: 'unauthorised', error };
    case 404:
      return { kind: 'not-found', error };
    case 409:
      return { kind: 'already-declared', error, seat: (reply.seat as SeatState | undefined) ?? null };
    default:
      return { kind: 'failed', error };
  }
}

// ---- The big screen, the embeds and the screen settings (issue 4) ----
// (Imported here, not above, so this block appends without touching the auth helpers.)
import type { ElectionMode, Feed, HexMap, ScreenSettings } from '../../../shared/protocol/schemas.ts';

/** The election's hex map, or null where it has none (the article elections). */
export function fetchHexMap(electionId: string): Promise<HexMap | null> {
  return getJson<HexMap | null>(`/api/elections/${encodeURIComponent(electionId)}/hexmap`);
}

/** Changes after a sequence number, each with its copy-ready line. */
export function fetchFeed(electionId: string, since: number): Promise<Feed> {
  return getJson<Feed>(`/api/elections/${encodeURIComponent(electionId)}/feed.json?since=${Math.max(0, Math.floor(since))}`);
}

export type SettingsReply<T> = { kind: 'saved'; value: T } | { kind: 'refused'; error: string };

async function putJson<T>(url: string, token: string, body: unknown): Promise<SettingsReply<T>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  } catch (err) {
    return { kind: 'refused', error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}` };
  }
  const reply = await readBody(response);
  if (response.ok) return { kind: 'saved', value: reply as T };
  return { kind: 'refused', error: typeof reply.error === 'string' ? reply.error : `${response.status} ${response.statusText}` };
}

/** Which panels every big screen runs, in what order and for how long. */
export function saveScreenSettings({ electionId, token, screen }: { electionId: string; token: string; screen: ScreenSettings }) {
  return putJson<ScreenSettings>(`/api/elections/${encodeURIComponent(electionId)}/screen`, token, screen);
}

/** Live, rehearsal or test: anything but live puts a banner on every screen, embed and feed. */
export function saveMode({ electionId, token, mode }: { electionId: string; token: string; mode: ElectionMode }) {
  return putJson<Election>(`/api/elections/${encodeURIComponent(electionId)}/mode`, token, { mode });
}
