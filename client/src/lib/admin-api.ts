/**
 * The admin's side of the HTTP API: accounts, tokens and election settings.
 * Calls go through http.ts, so they carry the session's CSRF token.
 */
import type { NewToken, NewUserInput, TokenListing, UserListing } from '../../../shared/protocol/accounts.ts';
import type { Election, ElectionMode } from '../../../shared/protocol/schemas.ts';
import { electionUrl as election, request } from './http.ts';

export const fetchUsers = () => request<UserListing[]>('GET', '/api/users');
export const createUser = (input: NewUserInput) => request<{ username: string; role: string }>('POST', '/api/users', { body: input });
export const disableUser = (username: string) =>
  request<{ disabled: string }>('POST', `/api/users/${encodeURIComponent(username)}/disable`, { body: {} });

export const fetchTokens = () => request<TokenListing[]>('GET', '/api/tokens');
export const createToken = (name: string, forUser?: string) =>
  request<NewToken>('POST', '/api/tokens', { body: { name, ...(forUser && { forUser }) } });
export const revokeToken = (id: number) => request<{ revoked: number }>('POST', `/api/tokens/${id}/revoke`, { body: {} });

export const fetchRequireConfirmation = (electionId: string) =>
  request<{ requireConfirmation: boolean }>('GET', `${election(electionId)}/desk`);
export const setRequireConfirmation = (electionId: string, requireConfirmation: boolean) =>
  request<{ requireConfirmation: boolean }>('PUT', `${election(electionId)}/confirmation`, { body: { requireConfirmation } });
export const setMode = (electionId: string, mode: ElectionMode) =>
  request<Election>('PUT', `${election(electionId)}/mode`, { body: { mode } });
