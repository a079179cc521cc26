/** Signing in and out, and the admin's accounts, tokens and election settings. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmationSetting, LoginInput, NewTokenInput, NewUserInput, type SessionInfo } from '../../shared/protocol/accounts.ts';
import { SESSION_HOURS, type AccountsService } from '../accounts/accounts-service.ts';
import { isAllowedOrigin } from '../accounts/csrf.ts';
import type { DeskService } from '../services/desk-service.ts';
import { RefusedError } from '../services/errors.ts';
import { ownOrigin, setSessionCookie, type Gate } from './identity.ts';
import { parseInput } from './parse.ts';

const TokenId = z.object({ id: z.coerce.number().int().min(1, 'must be a token id') });

export function sessionRoutes(
  app: FastifyInstance,
  { accounts, gate, desk, allowedOrigins }: { accounts: AccountsService; gate: Gate; desk: DeskService; allowedOrigins: readonly string[] },
) {
  app.get('/api/session', async (request, reply): Promise<SessionInfo> => {
    reply.header('cache-control', 'no-store');
    const id = gate.sessionId(request);
    const actor = id ? accounts.sessionActor(id) : null;
    if (!actor || !id) return { user: null, csrfToken: null };
    return { user: { username: actor.username, role: actor.role }, csrfToken: accounts.csrfToken(id) };
  });

  app.post('/api/session', async (request, reply): Promise<SessionInfo> => {
    // A login from another site's page would sign the browser in as someone else (login CSRF).
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, ownOrigin(request), allowedOrigins)) {
      throw new RefusedError(403, `origin: "${origin}" may not sign in here`);
    }
    const input = parseInput(LoginInput, request.body);
    const { sessionId, actor } = await accounts.login(input.username, input.password, request.ip);
    setSessionCookie(request, reply, sessionId, SESSION_HOURS * 3600);
    reply.header('cache-control', 'no-store');
    return { user: { username: actor.username, role: actor.role }, csrfToken: accounts.csrfToken(sessionId) };
  });

  app.delete('/api/session', async (request, reply) => {
    const id = gate.sessionId(request);
    if (id && gate.actor(request)) accounts.logout(id);
    setSessionCookie(request, reply, '', 0);
    return { user: null, csrfToken: null };
  });

  app.get('/api/users', async (request) => {
    gate.admin(request);
    return accounts.listUsers();
  });

  app.post('/api/users', async (request, reply) => {
    const by = gate.admin(request);
    const input = parseInput(NewUserInput, request.body);
    reply.code(201);
    return accounts.createUser(input, by.username);
  });

  app.post<{ Params: { username: string } }>('/api/users/:username/disable', async (request) => {
    const by = gate.admin(request);
    accounts.disableUser(request.params.username, by.username);
    return { disabled: request.params.username };
  });

  app.get('/api/tokens', async (request) => {
    gate.admin(request);
    return accounts.listTokens();
  });

  app.post('/api/tokens', async (request, reply) => {
    const by = gate.admin(request);
    const { name, forUser } = parseInput(NewTokenInput, request.body);
    const created = accounts.createToken(name, by.username, forUser ?? by.username);
    reply.code(201).header('cache-control', 'no-store');
    return created;
  });

  app.post<{ Params: { id: string } }>('/api/tokens/:id/revoke', async (request) => {
    const by = gate.admin(request);
    const { id } = parseInput(TokenId, request.params);
    accounts.revokeToken(id, by.username);
    return { revoked: id };
  });

  app.put<{ Params: { election: string } }>('/api/elections/:election/confirmation', async (request) => {
    gate.admin(request);
    const { requireConfirmation } = parseInput(ConfirmationSetting, request.body);
    return desk.setRequireConfirmation(request.params.election, requireConfirmation);
  });
}
