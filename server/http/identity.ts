/**
 * Who is asking: the public (no credentials), a signed-in user (session
 * cookie, CSRF-checked on writes) or a script (bearer token). Routes ask the
 * gate for the role they need and get the actor or a 401/403.
 */
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, AccountsService } from '../accounts/accounts-service.ts';
import { csrfRefusal } from '../accounts/csrf.ts';
import { RefusedError } from '../services/errors.ts';

export const SESSION_COOKIE = 'election_session';

/**
 * One cookie from a Cookie header, read by the `cookie` library: a malformed
 * value (`%E0%A4%A`, a lone `%`) comes back as it was sent, never as a throw.
 */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  return parseCookies(header)[name] ?? null;
}

/**
 * Whether the browser reached us over HTTPS, here or at a proxy in front. Marking
 * the cookie Secure can only narrow where it goes, so a forged X-Forwarded-Proto
 * or Origin costs nothing: trust-proxy is not needed for this one.
 */
export function reachedOverHttps(request: FastifyRequest): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).toLowerCase();
  return (
    request.protocol === 'https' ||
    proto.split(',').some((p) => p.trim() === 'https') ||
    (request.headers.origin ?? '').startsWith('https://')
  );
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      maxAge: maxAgeSeconds,
      secure: reachedOverHttps(request),
    }),
  );
}

export const ownOrigin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export type Gate = ReturnType<typeof createGate>;

export function createGate({ accounts, allowedOrigins }: { accounts: AccountsService; allowedOrigins: readonly string[] }) {
  const sessionId = (request: FastifyRequest) => readCookie(request.headers.cookie, SESSION_COOKIE);

  /** The actor behind a request, or null for the public. A wrong bearer token is refused, not read as public. */
  function actor(request: FastifyRequest): Actor | null {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer (.+)$/.exec(header);
      const found = match ? accounts.tokenActor(match[1]) : null;
      if (!found) throw new RefusedError(401, 'authorization: a valid bearer token or an editor session is needed to change results');
      return found;
    }
    const id = sessionId(request);
    if (!id) return null;
    const found = accounts.sessionActor(id);
    if (found && request.method !== 'GET' && request.method !== 'HEAD') {
      const refusal = csrfRefusal({
        method: request.method,
        origin: request.headers.origin,
        ownOrigin: ownOrigin(request),
        allowedOrigins,
        sentToken: request.headers['x-csrf-token'] as string | undefined,
        expectedToken: accounts.csrfToken(id),
      });
      if (refusal) throw new RefusedError(403, refusal);
    }
    return found;
  }

  function editor(request: FastifyRequest): Actor {
    const found = actor(request);
    if (!found) throw new RefusedError(401, 'authorization: sign in as an editor, or send a bearer token, to change results');
    return found;
  }

  function admin(request: FastifyRequest): Actor {
    const found = editor(request);
    if (found.role !== 'admin') throw new RefusedError(403, `authorization: ${found.username} is not an admin`);
    return found;
  }

  return {
    actor,
    editor,
    admin,
    sessionId,
    /** The editor's name, for a version's entered_by. */
    editorName: (request: FastifyRequest) => editor(request).username,
  };
}
