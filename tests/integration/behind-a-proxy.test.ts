/**
 * Behind a reverse proxy every request comes from the proxy's address. With
 * ELECTION_TRUST_PROXY naming it, the login limit counts the reader's own
 * address from X-Forwarded-For; without, that header is ignored, since
 * anyone could write any address into it.
 */
import { describe, expect, test } from 'vitest';
import { readConfig } from '../../server/config/env.ts';
import { addUser, PASSWORD, request } from '../support/session.ts';
import { closedAfterEach, startServer } from '../support/server.ts';

const failFiveTimes = async (server: Parameters<typeof request>[0], from: string) => {
  for (let i = 0; i < 5; i++) {
    const answer = await request(server, 'POST', '/api/session', { username: 'target', password: `guess ${i}` }, { forwardedFor: from });
    expect(answer.status).toBe(401);
  }
};

describe('the login limit behind a reverse proxy', () => {
  const opened = closedAfterEach();

  test('with the proxy trusted, counts each client address on its own', async () => {
    const server = opened(await startServer({ trustedProxies: ['127.0.0.1'] }));
    await addUser(server, 'target');
    await failFiveTimes(server, '203.0.113.1');
    const sameAddress = await request(
      server,
      'POST',
      '/api/session',
      { username: 'target', password: PASSWORD },
      { forwardedFor: '203.0.113.1' },
    );
    expect(sameAddress.status).toBe(429);
    const otherAddress = await request(
      server,
      'POST',
      '/api/session',
      { username: 'target', password: PASSWORD },
      { forwardedFor: '203.0.113.2' },
    );
    expect(otherAddress.status).toBe(200);
  });

  test('with no proxy trusted, ignores X-Forwarded-For: a forged address does not escape the limit', async () => {
    const server = opened(await startServer());
    await addUser(server, 'target');
    await failFiveTimes(server, '203.0.113.1');
    const forged = await request(
      server,
      'POST',
      '/api/session',
      { username: 'target', password: PASSWORD },
      { forwardedFor: '203.0.113.2' },
    );
    expect(forged.status).toBe(429);
  });

  test('ELECTION_TRUST_PROXY takes addresses and ranges, and refuses anything else naming the variable', () => {
    expect(readConfig({ ELECTION_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).ELECTION_TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(readConfig({}).ELECTION_TRUST_PROXY).toEqual([]);
    expect(() => readConfig({ ELECTION_TRUST_PROXY: 'yes' })).toThrow(/ELECTION_TRUST_PROXY: must be IP addresses or CIDR ranges/);
  });

  test('behind a TLS proxy, trusted or not, the session cookie is Secure; over plain http it is not', async () => {
    const server = opened(await startServer({ allowedOrigins: ['https://results.example.com'] }));
    await addUser(server, 'ed');
    const login = (options: Parameters<typeof request>[4]) =>
      request(server, 'POST', '/api/session', { username: 'ed', password: PASSWORD }, options);
    const cookie = (answer: Awaited<ReturnType<typeof login>>) => String(answer.headers['set-cookie']?.[0]);
    expect(cookie(await login({ headers: { 'x-forwarded-proto': 'https' } }))).toMatch(/; Secure/);
    expect(cookie(await login({ origin: 'https://results.example.com' }))).toMatch(/; Secure/);
    expect(cookie(await login({}))).not.toMatch(/Secure/);
  });
});
