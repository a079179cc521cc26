/**
 * Finding 4 of the hostile-outsider review: the login limit was checked
 * before the (asynchronous) password hash and failures counted after it, so
 * attempts sent all at once all ran; and hashes without bound starved the
 * thread pool every page is served from.
 */
import { describe, expect, test } from 'vitest';
import { HASHES_AT_ONCE, HASHES_WAITING } from '../../server/accounts/hash-gate.ts';
import { closedAfterEach, startServer } from '../support/server.ts';
import { addUser, PASSWORD, request } from '../support/session.ts';

const open = closedAfterEach();

describe('a flood of sign-ins', () => {
  test('sixty wrong passwords and the right one, sent at once: at most five are ever checked, the rest told to wait', async () => {
    const server = open(await startServer());
    await addUser(server, 'target');
    const attempts = [...Array.from({ length: 60 }, (_, i) => `guess ${i}`), PASSWORD].map((password) =>
      request(server, 'POST', '/api/session', { username: 'target', password }),
    );
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    // Checked: a 401, or a 200 if the right one was among the five the limit lets through. Before, all 61 were.
    const checked = statuses.filter((s) => s === 401 || s === 200).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    // The rest: 429 once five are counted, 503 while this address already has its hashes running.
    expect(statuses.filter((s) => s === 429 || s === 503)).toHaveLength(61 - checked);
  });

  test('from many addresses at once: hashing is bounded (the rest told to try again), and a page read is answered before the sign-ins finish', async () => {
    const server = open(await startServer({ trustedProxies: ['127.0.0.1'] }));
    const attempts = Array.from({ length: 100 }, (_, i) =>
      request(
        server,
        'POST',
        '/api/session',
        { username: `nobody${i}`, password: 'wrong password' },
        { forwardedFor: `198.51.100.${i}` },
      ).then((a) => ({
        status: a.status,
        at: performance.now(),
      })),
    );
    const read = request(server, 'GET', '/api/elections').then((a) => ({ status: a.status, at: performance.now() }));
    const answers = await Promise.all(attempts);
    const statuses = answers.map((a) => a.status);
    // Hashes still running and waiting when the rest arrived: the gate (HASHES_AT_ONCE running,
    // HASHES_WAITING queued) turned them away rather than queue 100 hashes.
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(HASHES_AT_ONCE + HASHES_WAITING);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    const page = await read;
    expect(page.status).toBe(200);
    expect(page.at).toBeLessThan(Math.max(...answers.filter((a) => a.status === 401).map((a) => a.at)));
  });
});
