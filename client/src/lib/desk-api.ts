/**
 * The editors' side of the HTTP API: signing in, and writes made with the
 * session cookie (sent by the browser) and the session's CSRF token (sent
 * here, in x-csrf-token). Every reply keeps its status so pages can explain it.
 */
import type { AuditRow, DeskInfo, NightInputAuditRow, PendingEntry, SessionInfo } from '../../../shared/protocol/accounts.ts';
import type { SeatState } from '../../../shared/protocol/schemas.ts';
import type { Problem } from './api.ts';

export type WriteReply =
  | { kind: 'published'; seat: SeatState; seq: number }
  | { kind: 'held'; pending: PendingEntry }
  | { kind: 'invalid'; error: string; problems: Problem[] }
  | { kind: 'unauthorised'; error: string }
  | { kind: 'not-found'; error: string }
  | { kind: 'conflict'; error: string; seat: SeatState | null }
  | { kind: 'failed'; error: string };

let csrfToken: string | null = null;

/** Remembered from the last GET /api/session or login, and sent with every change. */
export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** One request with the session's CSRF token; the admin page's calls go through here too. */
export async function call(method: string, url: string, body?: unknown): Promise<{ status: number; reply: Record<string, unknown> }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let reply: Record<string, unknown> = {};
  try {
    const parsed: unknown = await response.json();
    if (typeof parsed === 'object' && parsed !== null) reply = parsed as Record<string, unknown>;
  } catch {
    // An empty or non-JSON body: the status says enough.
  }
  if (typeof reply.error !== 'string' && !response.ok) reply.error = `${response.status} ${response.statusText}`;
  return { status: response.status, reply };
}

const election = (id: string) => `/api/elections/${encodeURIComponent(id)}`;

export async function fetchSession(): Promise<SessionInfo> {
  const { reply } = await call('GET', '/api/session');
  return reply as unknown as SessionInfo;
}

export async function signIn(username: string, password: string): Promise<{ ok: true; session: SessionInfo } | { ok: false; error: string }> {
  try {
    const { status, reply } = await call('POST', '/api/session', { username, password });
    if (status === 200) return { ok: true, session: reply as unknown as SessionInfo };
    return { ok: false, error: String(reply.error) };
  } catch (err) {
    return { ok: false, error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export async function signOut(): Promise<void> {
  await call('DELETE', '/api/session');
}

export async function fetchDesk(electionId: string): Promise<DeskInfo | null> {
  const { status, reply } = await call('GET', `${election(electionId)}/desk`);
  return status === 200 ? (reply as unknown as DeskInfo) : null;
}

export async function fetchCandidates(electionId: string): Promise<Record<string, { name: string; party: string }[]>> {
  const { status, reply } = await call('GET', `${election(electionId)}/candidates`);
  return status === 200 ? (reply as Record<string, { name: string; party: string }[]>) : {};
}

export async function fetchAudit(electionId: string, filter: Record<string, string>): Promise<{ ok: true; rows: AuditRow[] } | { ok: false; status: number; error: string }> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v.trim() !== '')).toString();
  const { status, reply } = await call('GET', `${election(electionId)}/audit${query ? `?${query}` : ''}`);
  if (status === 200) return { ok: true, rows: reply as unknown as AuditRow[] };
  return { ok: false, status, error: String(reply.error) };
}

/** Every version of the exit poll and the seats to watch, for the audit page. */
export async function fetchNightInputAudit(electionId: string): Promise<{ ok: true; rows: NightInputAuditRow[] } | { ok: false; error: string }> {
  const { status, reply } = await call('GET', `${election(electionId)}/audit/night-inputs`);
  if (status === 200) return { ok: true, rows: reply as unknown as NightInputAuditRow[] };
  return { ok: false, error: String(reply.error) };
}

async function write(method: string, url: string, body: unknown): Promise<WriteReply> {
  let answer: { status: number; reply: Record<string, unknown> };
  try {
    answer = await call(method, url, body);
  } catch (err) {
    return { kind: 'failed', error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}` };
  }
  const { status, reply } = answer;
  const error = String(reply.error ?? '');
  if (status === 202) return { kind: 'held', pending: reply.pending as PendingEntry };
  if (status === 200 || status === 201) return { kind: 'published', seat: reply.seat as SeatState, seq: Number(reply.seq) };
  if (status === 400) return { kind: 'invalid', error, problems: Array.isArray(reply.problems) ? (reply.problems as Problem[]) : [] };
  if (status === 401 || status === 403) return { kind: 'unauthorised', error };
  if (status === 404) return { kind: 'not-found', error };
  if (status === 409) return { kind: 'conflict', error, seat: (reply.seat as SeatState | undefined) ?? null };
  return { kind: 'failed', error };
}

export const declare = (electionId: string, body: unknown) => write('POST', `${election(electionId)}/declarations`, body);

export const correct = (electionId: string, seat: string, body: unknown) =>
  write('POST', `${election(electionId)}/seats/${encodeURIComponent(seat)}/correction`, body);

export const recount = (electionId: string, seat: string, body: { reason: string; basedOnVersion: number }) =>
  write('POST', `${election(electionId)}/seats/${encodeURIComponent(seat)}/recount`, body);

export const withdraw = (electionId: string, seat: string, body: { reason: string; basedOnVersion: number }) =>
  write('POST', `${election(electionId)}/seats/${encodeURIComponent(seat)}/withdrawal`, body);

export const confirmEntry = (electionId: string, id: number, body: unknown) =>
  write('POST', `${election(electionId)}/pending/${id}/confirm`, body);
