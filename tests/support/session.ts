/** Editors for tests: accounts made through the real accounts service, and requests made with their session cookie. */
import http from 'node:http';
import { io as connect, type Socket } from 'socket.io-client';
import type { Role } from '../../shared/protocol/accounts.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { RunningServer } from './server.ts';

export type EditorSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const PASSWORD = 'correct horse battery staple';

export interface Session {
  username: string;
  cookie: string;
  csrf: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Answer {
  status: number;
  body: any;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request with whatever credentials are given: a session (cookie, CSRF token, Origin) or none. */
export function request(
  server: RunningServer,
  method: Method,
  route: string,
  body?: unknown,
  options: {
    session?: Session | null;
    csrf?: string | null;
    origin?: string | null;
    bearer?: string;
    forwardedFor?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const session = options.session ?? null;
  const csrf = options.csrf === undefined ? session?.csrf : options.csrf;
  const origin = options.origin === undefined ? server.url : options.origin;
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (session) headers.cookie = session.cookie;
  if (csrf) headers['x-csrf-token'] = csrf;
  if (origin) headers.origin = origin;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.forwardedFor) headers['x-forwarded-for'] = options.forwardedFor;
  Object.assign(headers, options.headers);
  return new Promise((resolve, reject) => {
    const req = http.request(server.url + route, { method, agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = null;
        }
        resolve({ status: response.statusCode!, body: parsed, headers: response.headers, text });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export async function addUser(server: RunningServer, username: string, role: Role = 'editor', password = PASSWORD): Promise<void> {
  await server.app.accounts.createUser({ username, role, password }, 'test');
}

/** The desk's people on a server, signed in: ada the admin, alice and bob the editors. */
export async function signInDesk(server: RunningServer): Promise<[admin: Session, alice: Session, bob: Session]> {
  await addUser(server, 'ada', 'admin');
  await addUser(server, 'alice');
  await addUser(server, 'bob');
  return Promise.all([login(server, 'ada'), login(server, 'alice'), login(server, 'bob')]);
}

export async function login(server: RunningServer, username: string, password = PASSWORD): Promise<Session> {
  const answer = await request(server, 'POST', '/api/session', { username, password });
  if (answer.status !== 200) throw new Error(`login as ${username} answered ${answer.status}: ${answer.text}`);
  const cookie = String(answer.headers['set-cookie']?.[0] ?? '').split(';')[0];
  return { username, cookie, csrf: answer.body.csrfToken };
}

/** An editor's own socket: the session cookie in the handshake, as a browser on the entry page sends it. */
export async function editorSocket(server: RunningServer, session: Session | null, origin?: string): Promise<EditorSocket> {
  const socket = connect(server.url, {
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { ...(session ? { cookie: session.cookie } : {}), ...(origin ? { origin } : {}) },
  }) as EditorSocket;
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
