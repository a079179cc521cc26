import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, test } from 'vitest';
import { readCookie, reachedOverHttps, SESSION_COOKIE, setSessionCookie } from './identity.ts';

const request = (protocol: 'http' | 'https', headers: Record<string, string> = {}) => ({ protocol, headers }) as unknown as FastifyRequest;

function cookieSet(on: FastifyRequest, value = 'sid', maxAge = 3600): string {
  let header = '';
  const reply = { header: (name: string, v: string) => name === 'set-cookie' && (header = v) } as unknown as FastifyReply;
  setSessionCookie(on, reply, value, maxAge);
  return header;
}

describe('readCookie', () => {
  test('finds the session among other cookies, and null when it is not there', () => {
    expect(readCookie(`theme=dark; ${SESSION_COOKIE}=abc; other=1`, SESSION_COOKIE)).toBe('abc');
    expect(readCookie('theme=dark', SESSION_COOKIE)).toBeNull();
    expect(readCookie(undefined, SESSION_COOKIE)).toBeNull();
  });
  test('a malformed value comes back as it was sent, never as a throw', () => {
    expect(readCookie(`${SESSION_COOKIE}=%E0%A4%A`, SESSION_COOKIE)).toBe('%E0%A4%A');
    expect(readCookie(`${SESSION_COOKIE}=%`, SESSION_COOKIE)).toBe('%');
  });
});

describe('the session cookie', () => {
  test('is HttpOnly, SameSite=Strict, for the whole site, and lasts as long as asked', () => {
    const set = cookieSet(request('http'), 'sid', 3600);
    expect(set).toMatch(new RegExp(`^${SESSION_COOKIE}=sid;`));
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    expect(set).toContain('Max-Age=3600');
  });
  test('is Secure when the browser came over https, here or at a proxy, and not over plain http', () => {
    expect(cookieSet(request('http'))).not.toContain('Secure');
    expect(cookieSet(request('https'))).toContain('Secure');
    expect(cookieSet(request('http', { 'x-forwarded-proto': 'https' }))).toContain('Secure');
    expect(cookieSet(request('http', { origin: 'https://results.example.com' }))).toContain('Secure');
  });
  test('signing out sends it empty and already expired', () => {
    expect(cookieSet(request('http'), '', 0)).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
  });
});

describe('reachedOverHttps', () => {
  test('reads any https among several forwarded protocols, in any case', () => {
    expect(reachedOverHttps(request('http', { 'x-forwarded-proto': 'http, HTTPS' }))).toBe(true);
    expect(reachedOverHttps(request('http', { 'x-forwarded-proto': 'http' }))).toBe(false);
  });
});
