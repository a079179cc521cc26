/**
 * The server's log: Fastify's logger with a request id on every line, secrets redacted, reads at
 * debug, bad input (4xx) never logged as an error, and a failure (5xx) logged once with its stack
 * and the id its reply carries.
 */
import { describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { closedAfterEach, startServer, TEST_TOKEN } from '../support/server.ts';
import { request } from '../support/session.ts';

const opened = closedAfterEach();

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const text: string[] = [];
  return {
    lines,
    text,
    stream: {
      write(line: string) {
        text.push(line);
        lines.push(JSON.parse(line));
      },
    },
  };
}

const SECRETS = { authorization: `Bearer ${TEST_TOKEN}`, cookie: 'election_session=s3cr3t-session', 'x-csrf-token': 'csrf-s3cr3t' };

describe('the server log', () => {
  test('logs each request once with its id, reads at debug, and refusals of bad input not as errors', async () => {
    const log = capture();
    const server = opened(await startServer({ app: { logLevel: 'debug', logStream: log.stream } }));
    await request(server, 'GET', '/api/elections', undefined, { headers: SECRETS });
    const bad = await request(
      server,
      'POST',
      '/api/elections/ge2017/declarations',
      { seat: 'nonsense' },
      { bearer: TEST_TOKEN, origin: null, headers: { cookie: SECRETS.cookie } },
    );
    expect(bad.status).toBe(400);
    await request(server, 'POST', '/api/elections/ge2017/declarations', '{not json' as unknown, { bearer: TEST_TOKEN, origin: null });

    const answered = log.lines.filter((l) => l.msg === 'answered');
    expect(answered.map((l) => [l.method, l.status, l.level])).toEqual([
      ['GET', 200, 20],
      ['POST', 400, 30],
      ['POST', 400, 30],
    ]);
    expect(new Set(answered.map((l) => l.reqId)).size).toBe(3);
    expect(log.lines.filter((l) => Number(l.level) >= 40)).toEqual([]);
    expect(log.text.join('')).not.toMatch(/s3cr3t|test-token/);
  });

  test('a failure is logged once, at error, with its stack and the request id the reply gives', async () => {
    const log = capture();
    const server = opened(await startServer({ app: { logLevel: 'info', logStream: log.stream } }));
    server.app.service.declare = () => {
      throw new Error('disk on fire');
    };
    const failed = await request(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL), {
      bearer: TEST_TOKEN,
      origin: null,
      headers: SECRETS,
    });
    expect(failed.status).toBe(500);
    expect(failed.text).not.toContain('disk on fire');
    const errors = log.lines.filter((l) => Number(l.level) >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0].reqId).toBe(failed.body.requestId);
    expect(String((errors[0].err as { stack: string }).stack)).toContain('disk on fire');
    expect(log.text.join('')).not.toMatch(/s3cr3t|test-token/);
  });

  test('is silent when no level is given', async () => {
    const log = capture();
    const server = opened(await startServer({ app: { logStream: log.stream } }));
    await request(server, 'GET', '/api/elections');
    expect(log.lines).toEqual([]);
  });
});
