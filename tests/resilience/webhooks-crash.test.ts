/**
 * The server process SIGKILLed while a webhook delivery is in flight and
 * others are queued behind it: after a start, every delivery arrives, in
 * order, and only the one in flight arrives twice, under the same key.
 */
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { freePort, startChild, type ChildServer } from '../support/child-server.ts';
import { tempDir, TEST_TOKEN } from '../support/server.ts';
import { registerWebhooks } from '../support/webhook-admin.ts';
import { startReceiver } from '../support/webhook-receiver.ts';

const PASSWORD = 'crash-test-admin-password';
const SECRET = 'whsec_crash_test_0123456789';
const SEATS = [CROYDON_CENTRAL, 'E14000674', 'E14000593', 'E14000727', 'E14000759'];

describe('a server killed with SIGKILL mid-delivery', () => {
  const dbPath = path.join(tempDir('election-webhook-crash-'), 'night.sqlite');
  let server: ChildServer | null = null;
  const receiverReady = startReceiver(SECRET);

  afterAll(async () => {
    await server?.kill();
    await (await receiverReady).close();
  });

  const start = async (port: number) =>
    startChild({
      port,
      env: { DATABASE_PATH: dbPath, ELECTION_API_TOKEN: TEST_TOKEN, ELECTION_ADMIN_PASSWORD: PASSWORD },
      ready: /Election night:/,
    });

  test('loses no delivery, keeps their order, and repeats only the one in flight with its key', async () => {
    const receiver = await receiverReady;
    const port = await freePort();
    server = await start(port);

    await registerWebhooks(server.url, PASSWORD, [{ name: 'live blog', url: receiver.url, secret: SECRET, events: ['declarations'] }]);

    receiver.answer = 'hold';
    for (const seat of SEATS) {
      const answer = await fetch(`${server.url}/api/elections/ge2017/declarations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_TOKEN}` },
        body: JSON.stringify(labourGainIn(seat)),
      });
      expect(answer.status).toBe(201);
    }
    const started = Date.now();
    while (receiver.arrivals.length === 0 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(receiver.arrivals).toHaveLength(1);

    await server.kill('SIGKILL');
    receiver.answer = 200;
    receiver.release();
    server = await start(port);

    const keys = SEATS.map((s) => `ge2017:${s}:v1`);
    await receiver.waitFor(SEATS.length, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.every((r) => r.signed)).toBe(true);
    expect([...new Set(receiver.received.map((r) => r.key))]).toEqual(keys);
    expect(receiver.arrivals).toEqual([keys[0], ...keys]);
  }, 90_000);
});
