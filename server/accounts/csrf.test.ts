import { describe, expect, test } from 'vitest';
import { csrfRefusal, isAllowedOrigin, sameSecret } from './csrf.ts';

const check = { method: 'POST', origin: 'http://localhost:3000', ownOrigin: 'http://localhost:3000', allowedOrigins: [], sentToken: 'abc', expectedToken: 'abc' };

describe('csrfRefusal', () => {
  test('a safe method is never refused', () => {
    expect(csrfRefusal({ ...check, method: 'GET', origin: undefined, sentToken: undefined })).toBeNull();
  });
  test('a write from this site with the session token goes ahead', () => {
    expect(csrfRefusal(check)).toBeNull();
  });
  test('a write from another origin is refused naming origin', () => {
    expect(csrfRefusal({ ...check, origin: 'https://evil.example' })).toMatch(/^origin:/);
  });
  test('a write without an Origin is refused', () => {
    expect(csrfRefusal({ ...check, origin: undefined })).toMatch(/^origin:/);
  });
  test('a missing or wrong token is refused naming x-csrf-token, whatever its length', () => {
    for (const sentToken of [undefined, '', 'abd', 'ab', 'abcd']) {
      expect(csrfRefusal({ ...check, sentToken })).toMatch(/^x-csrf-token:/);
    }
  });
  test('an origin in the allowed list may write', () => {
    expect(isAllowedOrigin('https://results.example.com', 'http://localhost:3000', ['https://results.example.com'])).toBe(true);
  });
});

describe('sameSecret', () => {
  test('equal secrets match and any difference does not', () => {
    expect(sameSecret('token', 'token')).toBe(true);
    expect(sameSecret('token', 'tokeN')).toBe(false);
    expect(sameSecret('token', 'token-longer')).toBe(false);
  });
});
