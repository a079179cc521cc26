import type { IncomingMessage } from 'node:http';
import { describe, expect, test } from 'vitest';
import { socketOriginCheck } from './desk-socket.ts';

const upgrade = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as IncomingMessage;

describe('socketOriginCheck (which pages may open a socket, and so send the session cookie with it)', () => {
  const check = socketOriginCheck(['https://results.example.com']);
  test("this site's own pages, over http or https, may connect", () => {
    expect(check(upgrade({ origin: 'http://localhost:3000', host: 'localhost:3000' }))).toBe(true);
    expect(check(upgrade({ origin: 'https://localhost:3000', host: 'localhost:3000' }, true))).toBe(true);
  });
  test("another site's page may not, nor our host over the other scheme", () => {
    expect(check(upgrade({ origin: 'https://evil.example', host: 'localhost:3000' }))).toBe(false);
    expect(check(upgrade({ origin: 'https://localhost:3000', host: 'localhost:3000' }))).toBe(false);
  });
  test('an allowed proxy address may, and a client that sends no Origin (a script, a test) may', () => {
    expect(check(upgrade({ origin: 'https://results.example.com', host: 'localhost:3000' }))).toBe(true);
    expect(check(upgrade({ host: 'localhost:3000' }))).toBe(true);
  });
});
