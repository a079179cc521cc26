/**
 * Who may change results: editors and admins with passwords and sessions,
 * scripts with API tokens. Every secret (password, session id, token) is
 * stored only as a hash; sessions end, tokens are revoked, nothing is deleted.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NewUserInput, Role } from '../../shared/protocol/accounts.ts';
import * as accounts from '../db/accounts-repo.ts';
import type { Db } from '../db/connection.ts';
import { RefusedError } from '../services/errors.ts';
import { DECOY_HASH, hashPassword, verifyPassword } from './passwords.ts';
import { createHashGate } from './hash-gate.ts';
import { failureLimit } from './rate-limit.ts';

/** Someone allowed to write: a signed-in user, or a script with a token. */
export interface Actor {
  username: string;
  role: Role;
  via: 'session' | 'token';
  /**
   * The named person behind it: the user signed in, or the user a token acts for; null for
   * ELECTION_API_TOKEN and older tokens, which are no one and so can never be a second editor.
   */
  person: string | null;
}

export const SESSION_HOURS = 12;
/** The name versions written with ELECTION_API_TOKEN are entered by, as before accounts existed. */
export const ENV_TOKEN_USER = 'api-token';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export interface AccountsDeps {
  db: Db;
  /** ELECTION_API_TOKEN: an editor-level token for automation, never stored. */
  envToken?: string;
  now?: () => Date;
  /** Failed logins allowed per IP and username in a minute. */
  loginLimit?: number;
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/** Sessions that ended: one (signed out) or all of a user's (disabled). */
export type SessionsEnded = { sessionId: string } | { username: string };

export function createAccountsService({ db, envToken, now = () => new Date(), loginLimit = 5 }: AccountsDeps) {
  const perUser = failureLimit({ max: loginLimit, windowMs: 60_000 });
  // A wider net for one address trying many usernames.
  const perAddress = failureLimit({ max: loginLimit * 6, windowMs: 60_000 });
  const envTokenHash = envToken ? Buffer.from(sha256(envToken), 'hex') : null;
  const hashing = createHashGate();
  const endedListeners: Array<(ended: SessionsEnded) => void> = [];
  const ended = (what: SessionsEnded) => endedListeners.forEach((listener) => listener(what));
  const at = () => now().toISOString();

  return {
    /**
     * Signs in; answers 429 once an address has failed too often for a username, even with the
     * right password. Each attempt is counted as a failure before its hash is checked, so
     * attempts sent all at once see each other, and taken back only if it was right.
     */
    async login(username: string, password: string, address: string) {
      const key = `${address}\0${username.toLowerCase()}`;
      const wait = Math.max(perUser.retryAfter(key), perAddress.retryAfter(address));
      if (wait > 0) throw new RefusedError(429, `login: too many failed attempts; try again in ${wait} s`);
      perUser.fail(key);
      perAddress.fail(address);
      const user = accounts.findUser(db, username);
      let ok: boolean;
      try {
        ok = await hashing.run(() => verifyPassword(password, user?.password_hash ?? DECOY_HASH), address);
      } catch (error) {
        // Not checked (the server was busy): not a failure of the password either.
        perUser.forgive(key);
        perAddress.forgive(address);
        throw error;
      }
      if (!user || !ok || user.disabled_at !== null) {
        throw new RefusedError(401, 'login: that username and password do not match an active account');
      }
      perUser.clear(key);
      perAddress.forgive(address);
      const sessionId = newSecret();
      const expires = new Date(now().getTime() + SESSION_HOURS * 3600_000);
      accounts.insertSession(db, { sessionHash: sha256(sessionId), userId: user.id, createdAt: at(), expiresAt: expires.toISOString() });
      return {
        sessionId,
        expires,
        actor: { username: user.username, role: user.role, via: 'session', person: user.username } satisfies Actor,
      };
    },

    sessionActor(sessionId: string): Actor | null {
      const user = accounts.sessionUser(db, sha256(sessionId), at());
      return user ? { username: user.username, role: user.role, via: 'session', person: user.username } : null;
    },

    /**
     * The session's CSRF token: derived from the session id, which scripts on
     * other sites cannot read (HttpOnly), so it cannot be forged and needs no storage.
     */
    csrfToken(sessionId: string): string {
      return createHash('sha256').update(`csrf\0${sessionId}`).digest('base64url');
    },

    logout(sessionId: string): void {
      accounts.endSession(db, sha256(sessionId), at());
      ended({ sessionId });
    },

    /** Told at once when sessions end, so what was opened with them (a desk socket) closes too. */
    onSessionsEnded(listener: (ended: SessionsEnded) => void): void {
      endedListeners.push(listener);
    },

    tokenActor(token: string): Actor | null {
      const hash = sha256(token);
      if (envTokenHash && timingSafeEqual(Buffer.from(hash, 'hex'), envTokenHash)) {
        return { username: ENV_TOKEN_USER, role: 'editor', via: 'token', person: null };
      }
      // The lookup is by a hash of the token, so its timing says nothing about the token.
      const row = accounts.liveToken(db, hash);
      return row ? { username: `token:${row.name}`, role: 'editor', via: 'token', person: row.for_user } : null;
    },

    async createUser(input: NewUserInput, by: string) {
      if (accounts.findUser(db, input.username)) {
        throw new RefusedError(409, `username: "${input.username}" is taken`, [{ path: 'username', message: 'is taken' }]);
      }
      const row = accounts.insertUser(db, {
        username: input.username,
        role: input.role,
        passwordHash: await hashing.run(() => hashPassword(input.password)),
        createdBy: by,
        createdAt: at(),
      });
      return { username: row.username, role: row.role };
    },

    /** Disabling also ends the user's sessions at once. */
    disableUser(username: string, by: string) {
      if (username.toLowerCase() === by.toLowerCase()) throw new RefusedError(409, 'username: you cannot disable your own account');
      if (!accounts.disableUser(db, username, at())) throw new RefusedError(404, `username: no active account "${username}"`);
      accounts.endSessionsOf(db, username, at());
      ended({ username });
    },

    listUsers: () => accounts.listUsers(db),

    /** The token is shown once, here; only its hash is kept. */
    createToken(name: string, by: string, forUser: string = by) {
      const user = accounts.findUser(db, forUser);
      if (!user || user.disabled_at !== null) {
        throw new RefusedError(404, `forUser: no active account "${forUser}" for the token to act for`, [
          { path: 'forUser', message: 'is not an active account' },
        ]);
      }
      const token = newSecret();
      const row = accounts.insertToken(db, { tokenHash: sha256(token), name, forUser: user.username, createdBy: by, createdAt: at() });
      return { ...row, token };
    },

    revokeToken(id: number, by: string) {
      if (!accounts.revokeToken(db, id, by, at())) throw new RefusedError(404, `token: no live token with id ${id}`);
    },

    listTokens: () => accounts.listTokens(db),

    /**
     * First start: with no accounts, create the admin from the given password,
     * or from a one-time password the caller prints once. Nothing is left open.
     */
    async ensureFirstAdmin({ username = 'admin', password }: { username?: string; password?: string }) {
      if (accounts.countUsers(db) > 0) return null;
      const chosen = password ?? randomBytes(12).toString('base64url');
      await this.createUser({ username, password: chosen, role: 'admin' }, 'first-start');
      return { username, oneTimePassword: password ? null : chosen };
    },
  };
}
