/**
 * The admin's side of the HTTP API: accounts, tokens and election settings.
 * Calls go through desk-api's `call`, so they carry the session's CSRF token.
 */
import type { NewToken, NewUserInput, TokenListing, UserListing } from '../../../shared/protocol/accounts.ts';
import type { Election, ElectionMode } from '../../../shared/protocol/schemas.ts';
import type { Problem } from './api.ts';
import { call } from './desk-api.ts';

/** A refusal keeps its status, its message and each failing field, so the form can show `path: message`. */
export interface Refusal {
  ok: false;
  status: number;
  error: string;
  problems: Problem[];
}
export type AdminAnswer<T> = { ok: true; value: T } | Refusal;

export async function send<T>(method: string, url: string, body?: unknown): Promise<AdminAnswer<T>> {
  try {
    const { status, reply } = await call(method, url, body);
    if (status >= 200 && status < 300) return { ok: true, value: reply as T };
    const problems = Array.isArray(reply.problems) ? (reply.problems as Problem[]) : [];
    return { ok: false, status, error: String(reply.error), problems };
  } catch (err) {
    return { ok: false, status: 0, error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}`, problems: [] };
  }
}

const election = (id: string) => `/api/elections/${encodeURIComponent(id)}`;

export const fetchUsers = () => send<UserListing[]>('GET', '/api/users');
export const createUser = (input: NewUserInput) => send<{ username: string; role: string }>('POST', '/api/users', input);
export const disableUser = (username: string) => send<{ disabled: string }>('POST', `/api/users/${encodeURIComponent(username)}/disable`, {});

export const fetchTokens = () => send<TokenListing[]>('GET', '/api/tokens');
export const createToken = (name: string, forUser?: string) => send<NewToken>('POST', '/api/tokens', { name, ...(forUser && { forUser }) });
export const revokeToken = (id: number) => send<{ revoked: number }>('POST', `/api/tokens/${id}/revoke`, {});

export const fetchRequireConfirmation = (electionId: string) =>
  send<{ requireConfirmation: boolean }>('GET', `${election(electionId)}/desk`);
export const setRequireConfirmation = (electionId: string, requireConfirmation: boolean) =>
  send<{ requireConfirmation: boolean }>('PUT', `${election(electionId)}/confirmation`, { requireConfirmation });
export const setMode = (electionId: string, mode: ElectionMode) => send<Election>('PUT', `${election(electionId)}/mode`, { mode });
