import { describe, expect, test } from 'vitest';
import { csrfRefusal, isAllowedOrigin, sameSecret, signInRefusal } from './csrf.ts';

const check = {
  method: 'POST',
  origin: 'http://localhost:3000',
  ownOrigin: 'http://localhost:3000',
  allowedOrigins: [],
  sentToken: 'abc',
  expectedToken: 'abc',
};

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

describe('signInRefusal', () => {
  test('a sign-in from this site, or from a script that sends no Origin, goes ahead', () => {
    expect(signInRefusal('http://localhost:3000', 'http://localhost:3000', [])).toBeNull();
    expect(signInRefusal(undefined, 'http://localhost:3000', [])).toBeNull();
  });
  test("a sign-in from another site's page is refused naming the origin", () => {
    expect(signInRefusal('https://evil.example', 'http://localhost:3000', [])).toBe('origin: "https://evil.example" may not sign in here');
  });
  test('a sign-in through an allowed proxy address goes ahead', () => {
    expect(signInRefusal('https://results.example.com', 'http://localhost:3000', ['https://results.example.com'])).toBeNull();
  });
});

describe('isAllowedOrigin', () => {
  test('only the exact origin counts: another port, scheme or a longer host is another site', () => {
    for (const origin of ['http://localhost:3001', 'https://localhost:3000', 'http://localhost:3000.evil.example', 'null', '']) {
      expect(isAllowedOrigin(origin, 'http://localhost:3000', [])).toBe(false);
    }
  });
});
