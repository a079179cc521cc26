/**
 * Finding 1 of the hostile-outsider review: a malformed session cookie
 * (`%E0%A4%A`, a lone `%`) threw a URIError in cookie parsing, inside a
 * socket handler (the process ended) and in every signed-in route (a 500
 * with a stack trace).
 */
import { describe, expect, test } from 'vitest';
import { closedAfterEach, startServer } from '../support/server.ts';
import { editorSocket, request } from '../support/session.ts';

const open = closedAfterEach();
const BAD_COOKIES = ['election_session=%E0%A4%A', 'election_session=%', 'election_session=%%; other=%ZZ', 'election_session="%"'];

describe('a malformed session cookie', () => {
  test('on a socket, desk:join and seat:editing are refused as signed out and the server goes on', async () => {
    const server = open(await startServer());
    for (const cookie of BAD_COOKIES) {
      const socket = open(await editorSocket(server, { username: 'nobody', cookie, csrf: '' }));
      const joined = await socket.emitWithAck('desk:join', 'ge2017');
      expect(joined).toEqual({ ok: false, error: expect.stringMatching(/^authorization:/) });
      const editing = await socket.emitWithAck('seat:editing', 'E14000654');
      expect(editing).toEqual({ ok: false, error: expect.stringMatching(/^authorization:/) });
    }
    expect((await request(server, 'GET', '/api/elections')).status).toBe(200);
  });

  test('over HTTP, every signed-in route answers as for no session: 401, never a 500', async () => {
    const server = open(await startServer());
    for (const cookie of BAD_COOKIES) {
      const session = { username: 'nobody', cookie, csrf: 'x' };
      expect((await request(server, 'GET', '/api/session', undefined, { session })).body).toEqual({ user: null, csrfToken: null });
      const desk = await request(server, 'GET', '/api/elections/ge2017/desk', undefined, { session });
      expect(desk.status).toBe(401);
      expect(desk.text).not.toMatch(/URIError|at .*\.ts/);
      const write = await request(server, 'PUT', '/api/elections/ge2017/mode', { mode: 'test' }, { session });
      expect(write.status).toBe(401);
    }
  });
});
