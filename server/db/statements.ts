/**
 * Prepared statements kept per connection: preparing is most of a small query's cost, and the
 * wire settles hundreds of files a burst (ADR 0024). A statement is kept by its SQL text, so a
 * call site must use it the same way each time (pluck or not).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const kept = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let byText = kept.get(db);
  if (!byText) kept.set(db, (byText = new Map()));
  let found = byText.get(sql);
  if (!found) byText.set(sql, (found = db.prepare(sql)));
  return found;
}
