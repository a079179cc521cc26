import { afterEach, describe, expect, test, vi } from 'vitest';
import { writeReply } from './desk-api.ts';
import { refusalOf, request, useCsrfToken } from './http.ts';

const seat = { code: 'E14000654', name: 'Croydon Central', status: 'declared', version: 2 };

afterEach(() => {
  vi.unstubAllGlobals();
  useCsrfToken(null);
});

describe('refusalOf', () => {
  test('reads the server’s refusal: message, each field at fault, and the seat on a conflict', () => {
    const refusal = refusalOf(409, 'Conflict', {
      error: 'Croydon Central has changed',
      problems: [{ path: 'seat', message: 'changed' }],
      seat,
    });
    expect(refusal).toEqual({
      ok: false,
      status: 409,
      error: 'Croydon Central has changed',
      problems: [{ path: 'seat', message: 'changed' }],
      seat,
    });
  });
  test('a proxy’s error page (no JSON) still gives a message, from the status', () => {
    expect(refusalOf(502, 'Bad Gateway', null)).toEqual({ ok: false, status: 502, error: '502 Bad Gateway', problems: [], seat: null });
  });
  test('problems that are not {path, message} are left out rather than shown as [object Object]', () => {
    expect(refusalOf(400, 'Bad Request', { error: 'no', problems: [{ path: 'a', message: 'b' }, 'junk', { path: 1 }] }).problems).toEqual([
      { path: 'a', message: 'b' },
    ]);
  });
});

describe('request', () => {
  test('a server out of reach is a refusal with status 0, never a throw', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await request('GET', '/api/session')).toMatchObject({
      ok: false,
      status: 0,
      error: 'Could not reach the server: Failed to fetch',
    });
  });
  test('sends the CSRF token with a change but not with a read', async () => {
    const sent: Record<string, string>[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      sent.push(init.headers as Record<string, string>);
      return new Response('{}', { status: 200 });
    });
    useCsrfToken('t0ken');
    await request('GET', '/api/session');
    await request('POST', '/api/x', { body: {} });
    expect(sent[0]['x-csrf-token']).toBeUndefined();
    expect(sent[1]['x-csrf-token']).toBe('t0ken');
  });
});

describe('writeReply (what a write means to the entry form)', () => {
  const refused = (status: number) =>
    writeReply(refusalOf(status, '', { error: 'why', problems: [{ path: 'candidates[0].votes', message: 'bad' }], seat }));
  test('published and held, from the reply’s body', () => {
    expect(writeReply({ ok: true, status: 201, value: { seat, seq: 7 } as never })).toEqual({ kind: 'published', seat, seq: 7 });
    expect(writeReply({ ok: true, status: 202, value: { pending: { id: 3 } } as never })).toEqual({ kind: 'held', pending: { id: 3 } });
  });
  test('each refusal by its status', () => {
    expect(refused(400)).toEqual({ kind: 'invalid', error: 'why', problems: [{ path: 'candidates[0].votes', message: 'bad' }] });
    expect(refused(401).kind).toBe('unauthorised');
    expect(refused(403).kind).toBe('unauthorised');
    expect(refused(404).kind).toBe('not-found');
    expect(refused(409)).toEqual({ kind: 'conflict', error: 'why', seat });
    expect(refused(500).kind).toBe('failed');
    expect(refused(0).kind).toBe('failed');
  });
});
