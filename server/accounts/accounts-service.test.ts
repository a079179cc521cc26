import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../db/connection.ts';
import { RefusedError } from '../services/errors.ts';
import { createAccountsService } from './accounts-service.ts';

const PASSWORD = 'correct horse battery';
let db: Db | undefined;
afterEach(() => db?.close());

async function accountsWithEditor(loginLimit: number) {
  db = openDatabase(':memory:');
  const accounts = createAccountsService({ db, loginLimit });
  await accounts.createUser({ username: 'ed', password: PASSWORD, role: 'editor' }, 'test');
  return accounts;
}

/** The status a login is refused with, or 'ok'. */
async function attempt(accounts: Awaited<ReturnType<typeof accountsWithEditor>>, password: string, address = '10.0.0.1', username = 'ed') {
  try {
    await accounts.login(username, password, address);
    return 'ok';
  } catch (error) {
    if (error instanceof RefusedError) return error.status;
    throw error;
  }
}

describe('the login limit', () => {
  test('after loginLimit failures from one address for one username, even the right password is refused with 429', async () => {
    const accounts = await accountsWithEditor(2);
    expect(await attempt(accounts, 'wrong password 1')).toBe(401);
    expect(await attempt(accounts, 'wrong password 2')).toBe(401);
    expect(await attempt(accounts, PASSWORD)).toBe(429);
  });

  test("another address is not held back by the first one's failures", async () => {
    const accounts = await accountsWithEditor(2);
    await attempt(accounts, 'wrong password 1');
    await attempt(accounts, 'wrong password 2');
    expect(await attempt(accounts, PASSWORD, '10.0.0.2')).toBe('ok');
  });

  test("a right password clears the username's count, so an editor who slips once is not locked out later", async () => {
    const accounts = await accountsWithEditor(2);
    await attempt(accounts, 'wrong password 1');
    expect(await attempt(accounts, PASSWORD)).toBe('ok');
    expect(await attempt(accounts, 'wrong password 2')).toBe(401);
    expect(await attempt(accounts, PASSWORD)).toBe('ok');
  });

  test('one address trying many usernames is stopped by the wider per-address limit', async () => {
    const accounts = await accountsWithEditor(1);
    for (let i = 0; i < 6; i++) expect(await attempt(accounts, 'guess', '10.0.0.9', `user${i}`)).toBe(401);
    expect(await attempt(accounts, PASSWORD, '10.0.0.9')).toBe(429);
  });
});
