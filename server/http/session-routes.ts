/** Signing in and out: the session cookie and its CSRF token. */
import type { FastifyInstance } from 'fastify';
import { LoginInput, type SessionInfo } from '../../shared/protocol/accounts.ts';
import { SESSION_HOURS, type AccountsService } from '../accounts/accounts-service.ts';
import { signInRefusal } from '../accounts/csrf.ts';
import { RefusedError } from '../services/errors.ts';
import { ownOrigin, setSessionCookie, type Gate } from './identity.ts';
import { parseInput } from './parse.ts';

export function sessionRoutes(
  app: FastifyInstance,
  { accounts, gate, allowedOrigins }: { accounts: AccountsService; gate: Gate; allowedOrigins: readonly string[] },
) {
  app.get('/api/session', async (request, reply): Promise<SessionInfo> => {
    reply.header('cache-control', 'no-store');
    const id = gate.sessionId(request);
    const actor = id ? accounts.sessionActor(id) : null;
    if (!actor || !id) return { user: null, csrfToken: null };
    return { user: { username: actor.username, role: actor.role }, csrfToken: accounts.csrfToken(id) };
  });

  app.post('/api/session', async (request, reply): Promise<SessionInfo> => {
    const refusal = signInRefusal(request.headers.origin, ownOrigin(request), allowedOrigins);
    if (refusal) throw new RefusedError(403, refusal);
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
}
