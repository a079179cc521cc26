/**
 * The editors' side of the HTTP API: signing in, the desk, the audit trail,
 * and writes made with the session cookie (sent by the browser) and the
 * session's CSRF token (sent by http.ts). Every reply keeps its status so
 * pages can explain it.
 */
import type { AuditRow, DeskInfo, NightInputAuditRow, PendingEntry, SessionInfo } from '../../../shared/protocol/accounts.ts';
import type { FieldProblem, HeldReply, PublishedReply } from '../../../shared/protocol/http-replies.ts';
import type { SeatState } from '../../../shared/protocol/schemas.ts';
import type { WireDecisionInput, WireDesk } from '../../../shared/protocol/wire.ts';
import { electionUrl as election, request, type Reply } from './http.ts';

export type WriteReply =
  | { kind: 'published'; seat: SeatState; seq: number }
  | { kind: 'held'; pending: PendingEntry }
  | { kind: 'invalid'; error: string; problems: FieldProblem[] }
  | { kind: 'unauthorised'; error: string }
  | { kind: 'not-found'; error: string }
  | { kind: 'conflict'; error: string; seat: SeatState | null }
  | { kind: 'failed'; error: string };

export const fetchSession = () => request<SessionInfo>('GET', '/api/session');

export const signIn = (username: string, password: string) =>
  request<SessionInfo>('POST', '/api/session', { body: { username, password } });

export async function signOut(): Promise<void> {
  await request('DELETE', '/api/session');
}

export async function fetchDesk(electionId: string): Promise<DeskInfo | null> {
  const reply = await request<DeskInfo>('GET', `${election(electionId)}/desk`);
  return reply.ok ? reply.value : null;
}

export async function fetchCandidates(electionId: string): Promise<Record<string, { name: string; party: string }[]>> {
  const reply = await request<Record<string, { name: string; party: string }[]>>('GET', `${election(electionId)}/candidates`);
  return reply.ok ? reply.value : {};
}

export function fetchAudit(electionId: string, filter: Record<string, string>): Promise<Reply<AuditRow[]>> {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v.trim() !== '')).toString();
  return request<AuditRow[]>('GET', `${election(electionId)}/audit${query ? `?${query}` : ''}`);
}

/** Every version of the exit poll and the seats to watch, for the audit page. */
export const fetchNightInputAudit = (electionId: string) =>
  request<NightInputAuditRow[]>('GET', `${election(electionId)}/audit/night-inputs`);

/** What a write's reply means to the entry form: published, held for a second editor, or why not. */
export function writeReply(reply: Reply<PublishedReply | HeldReply>): WriteReply {
  if (reply.ok) return 'pending' in reply.value ? { kind: 'held', pending: reply.value.pending } : { kind: 'published', ...reply.value };
  const { status, error } = reply;
  if (status === 400) return { kind: 'invalid', error, problems: reply.problems };
  if (status === 401 || status === 403) return { kind: 'unauthorised', error };
  if (status === 404) return { kind: 'not-found', error };
  if (status === 409) return { kind: 'conflict', error, seat: reply.seat };
  return { kind: 'failed', error };
}

const write = async (url: string, body: unknown) => writeReply(await request<PublishedReply | HeldReply>('POST', url, { body }));

export const declare = (electionId: string, body: unknown) => write(`${election(electionId)}/declarations`, body);

export const correct = (electionId: string, seat: string, body: unknown) =>
  write(`${election(electionId)}/seats/${encodeURIComponent(seat)}/correction`, body);

export const recount = (electionId: string, seat: string, body: { reason: string; basedOnVersion: number }) =>
  write(`${election(electionId)}/seats/${encodeURIComponent(seat)}/recount`, body);

export const withdraw = (electionId: string, seat: string, body: { reason: string; basedOnVersion: number }) =>
  write(`${election(electionId)}/seats/${encodeURIComponent(seat)}/withdrawal`, body);

export const confirmEntry = (electionId: string, id: number, body: unknown) => write(`${election(electionId)}/pending/${id}/confirm`, body);

/** PA's wire as the desk sees it, and the editor's say over it (shared/protocol/wire.ts). */
export const fetchWire = (electionId: string) => request<WireDesk>('GET', `${election(electionId)}/wire`);
export const decideHeld = (electionId: string, id: number, decision: WireDecisionInput) =>
  request('POST', `${election(electionId)}/wire/held/${id}`, { body: decision });
export const setWirePublish = (electionId: string, publish: string) =>
  request('PUT', `${election(electionId)}/wire/settings`, { body: { publish } });
