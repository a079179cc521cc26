/** Users, sessions and API tokens. Secrets are stored only as hashes; nothing is deleted. */
import type { Db } from './connection.ts';

export type Role = 'admin' | 'editor';

export interface UserRow {
  id: number;
  username: string;
  role: Role;
  password_hash: string;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
}

export interface TokenRow {
  id: number;
  name: string;
  /** The user the token acts for, or null (tokens made before tokens had one). */
  for_user: string | null;
  created_by: string;
  created_at: string;
  revoked_by: string | null;
  revoked_at: string | null;
}

export function countUsers(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM users').pluck().get() as number;
}

export function findUser(db: Db, username: string): UserRow | null {
  return (db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined) ?? null;
}

export function listUsers(db: Db): Omit<UserRow, 'password_hash'>[] {
  return db.prepare('SELECT id, username, role, created_by, created_at, disabled_at FROM users ORDER BY username').all() as Omit<
    UserRow,
    'password_hash'
  >[];
}

export function insertUser(
  db: Db,
  user: { username: string; role: Role; passwordHash: string; createdBy: string; createdAt: string },
): UserRow {
  return db
    .prepare(
      `INSERT INTO users (username, role, password_hash, created_by, created_at)
       VALUES (@username, @role, @passwordHash, @createdBy, @createdAt) RETURNING *`,
    )
    .get(user) as UserRow;
}

export function disableUser(db: Db, username: string, at: string): boolean {
  return db.prepare('UPDATE users SET disabled_at = ? WHERE username = ? AND disabled_at IS NULL').run(at, username).changes > 0;
}

export function insertSession(db: Db, s: { sessionHash: string; userId: number; createdAt: string; expiresAt: string }): void {
  db.prepare(
    'INSERT INTO sessions (session_hash, user_id, created_at, expires_at) VALUES (@sessionHash, @userId, @createdAt, @expiresAt)',
  ).run(s);
}

/** The live session's user: not ended, not expired, the user not disabled. */
export function sessionUser(db: Db, sessionHash: string, now: string): UserRow | null {
  return (
    (db
      .prepare(
        `SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.session_hash = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.disabled_at IS NULL`,
      )
      .get(sessionHash, now) as UserRow | undefined) ?? null
  );
}

export function endSession(db: Db, sessionHash: string, at: string): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE session_hash = ? AND ended_at IS NULL').run(at, sessionHash);
}

export function endSessionsOf(db: Db, username: string, at: string): void {
  db.prepare('UPDATE sessions SET ended_at = ? WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE username = ?)').run(
    at,
    username,
  );
}

const TOKEN_COLUMNS = 'id, name, for_user, created_by, created_at, revoked_by, revoked_at';

export function insertToken(
  db: Db,
  t: { tokenHash: string; name: string; forUser: string; createdBy: string; createdAt: string },
): TokenRow {
  return db
    .prepare(
      `INSERT INTO api_tokens (token_hash, name, for_user, created_by, created_at)
       VALUES (@tokenHash, @name, @forUser, @createdBy, @createdAt)
       RETURNING ${TOKEN_COLUMNS}`,
    )
    .get(t) as TokenRow;
}

/** A token not revoked whose user, if it has one, is still active: disabling a user stops their tokens too. */
export function liveToken(db: Db, tokenHash: string): TokenRow | null {
  return (
    (db
      .prepare(
        `SELECT ${TOKEN_COLUMNS} FROM api_tokens t
         WHERE token_hash = ? AND revoked_at IS NULL
           AND (for_user IS NULL OR EXISTS (SELECT 1 FROM users u WHERE u.username = t.for_user AND u.disabled_at IS NULL))`,
      )
      .get(tokenHash) as TokenRow | undefined) ?? null
  );
}

export function listTokens(db: Db): TokenRow[] {
  return db.prepare(`SELECT ${TOKEN_COLUMNS} FROM api_tokens ORDER BY id`).all() as TokenRow[];
}

export function revokeToken(db: Db, id: number, by: string, at: string): boolean {
  return db.prepare('UPDATE api_tokens SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(by, at, id).changes > 0;
}
