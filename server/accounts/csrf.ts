/**
 * Whether a request made with a session cookie may change anything: the
 * decision as one small function, as SvelteKit keeps `is_csrf_forbidden`.
 * SameSite=Strict already keeps the cookie off cross-site requests; the
 * Origin check and the per-session token are the second and third locks.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface CsrfCheck {
  method: string;
  /** The Origin header as sent, if any. */
  origin: string | undefined;
  /** This server's own origin as the request reached it, e.g. http://localhost:3000. */
  ownOrigin: string;
  /** Further origins allowed to write (a proxy's public address). */
  allowedOrigins: readonly string[];
  /** The x-csrf-token header as sent, if any. */
  sentToken: string | undefined;
  expectedToken: string;
}

/** Why the request is refused, or null when it may go ahead. */
export function csrfRefusal({ method, origin, ownOrigin, allowedOrigins, sentToken, expectedToken }: CsrfCheck): string | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (!isAllowedOrigin(origin, ownOrigin, allowedOrigins)) {
    return `origin: ${origin ? `"${origin}"` : 'a missing Origin'} may not change results; use this site's own pages`;
  }
  if (!sentToken || !sameSecret(sentToken, expectedToken)) {
    return 'x-csrf-token: send the token from GET /api/session with every change; reload the page to get a fresh one';
  }
  return null;
}

/**
 * A sign-in from another site's page would sign the browser in as someone else (login CSRF).
 * There is no session yet, so no token: only the Origin, refused when it is sent and not ours.
 */
export function signInRefusal(origin: string | undefined, ownOrigin: string, allowedOrigins: readonly string[]): string | null {
  if (origin === undefined || isAllowedOrigin(origin, ownOrigin, allowedOrigins)) return null;
  return `origin: "${origin}" may not sign in here`;
}

export function isAllowedOrigin(origin: string | undefined, ownOrigin: string, allowedOrigins: readonly string[]): boolean {
  if (!origin) return false;
  return origin === ownOrigin || allowedOrigins.includes(origin);
}

/** Compares two secrets in time that does not depend on where they differ (their SHA-256s, so lengths may differ too). */
export function sameSecret(sent: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(sent), digest(expected));
}
