import { afterEach } from 'vitest';
/** A real server for tests: createApp on a loopback port over a real SQLite file in a temp folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { request, type Answer } from './session.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events.ts';
import type { CompactUpdate } from '../../shared/protocol/compact-update.ts';
import type { ElectionState, ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { createApp, type App, type AppOptions } from '../../server/app.ts';
import { loadBaselineFile } from '../../server/baseline/load-article-baseline.ts';
import { projectRoot } from '../../server/config/project-root.ts';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { seedBaseline } from '../../server/services/seed-baseline.ts';
import { inOrder, testSnapshotReader } from './snapshot-reading.ts';

export const TEST_TOKEN = 'test-token-0123456789abcdef';
export const ARTICLE_BASELINE = path.join(projectRoot, 'data', 'article-baseline.json');

export interface RunningServer {
  url: string;
  port: number;
  app: App;
  db: Db;
  dbPath: string;
  /** Closes the server and the database, then opens both again on the same file and port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'election-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startServer(
  options: {
    dbPath?: string;
    port?: number;
    clientDist?: string;
    batchWindowMs?: number;
    trustedProxies?: string[];
    viewerBacklogBytes?: number;
    allowedOrigins?: string[];
    webhooks?: AppOptions['webhooks'];
    app?: Partial<AppOptions>;
  } = {},
): Promise<RunningServer> {
  const dbPath = options.dbPath ?? path.join(tempDir(), 'election.sqlite');
  const baseline = loadBaselineFile(ARTICLE_BASELINE);
  const open = async (port: number) => {
    const db = openDatabase(dbPath);
    seedBaseline(db, baseline);
    const { clientDist, batchWindowMs, trustedProxies, viewerBacklogBytes, allowedOrigins, webhooks } = options;
    const app = createApp({
      db,
      apiToken: TEST_TOKEN,
      clientDist,
      batchWindowMs,
      trustedProxies,
      viewerBacklogBytes,
      allowedOrigins,
      webhooks,
      ...options.app,
    });
    const bound = await app.listen(port, '127.0.0.1');
    return { db, app, port: bound };
  };
  let current = await open(options.port ?? 0);
  const server: RunningServer = {
    url: `http://127.0.0.1:${current.port}`,
    port: current.port,
    app: current.app,
    db: current.db,
    dbPath,
    async restart() {
      await server.close();
      current = await open(server.port);
      server.app = current.app;
      server.db = current.db;
    },
    async close() {
      await current.app.close();
      current.db.close();
    },
  };
  return server;
}

/** A request as a script sends it: the bearer token (or none, as the public), no session, no Origin. */
export function api(
  server: RunningServer,
  method: 'GET' | 'POST',
  route: string,
  body?: unknown,
  token: string | null = TEST_TOKEN,
): Promise<Answer> {
  return request(server, method, route, body, { bearer: token ?? undefined, origin: null });
}

export type Viewer = Socket<ServerToClientEvents, ClientToServerEvents> & {
  snapshots: ElectionState[];
  updates: ElectionUpdate[];
  nextUpdate(): Promise<ElectionUpdate>;
  nextSnapshot(): Promise<ElectionState>;
};

function waitFor<T>(list: T[], seen: { count: number }, timeoutMs: number, what: string, failure: () => unknown = () => null): Promise<T> {
  const index = seen.count++;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      if (list.length > index) return resolve(list[index]);
      if (failure()) return reject(failure());
      if (Date.now() - started > timeoutMs) return reject(new Error(`no ${what} #${index + 1} within ${timeoutMs} ms`));
      setTimeout(poll, 5);
    };
    poll();
  });
}

/**
 * A real socket.io-client viewer that watches one election and keeps everything it receives,
 * snapshots read back into the whole ElectionState as the dashboard reads them.
 */
export async function watch(
  server: RunningServer,
  electionId: string,
  { transports = ['websocket'] }: { transports?: Array<'websocket' | 'polling'> } = {},
): Promise<Viewer> {
  const socket = connect(server.url, { transports, forceNew: true }) as Viewer;
  socket.snapshots = [];
  socket.updates = [];
  const seenUpdates = { count: 0 };
  const seenSnapshots = { count: 0 };
  let readError: unknown = null;
  const receive = inOrder((error) => (readError = error));
  const reader = testSnapshotReader(() => server.url);
  socket.on('state:snapshot', (compact) =>
    receive(async () => {
      const snapshot = await reader.read(compact);
      socket.snapshots.push(snapshot);
      state = snapshot;
    }),
  );
  // Updates read as the dashboard reads them: against the reference of the snapshot before them,
  // each given the House figures after it, recomputed from the state it leaves (as the server did).
  let state: ElectionState | null = null;
  const read = (compact: CompactUpdate): ElectionUpdate => {
    const result = state && reader.apply(state, compact);
    if (result?.kind === 'applied') {
      state = reader.withHouse(result.state);
      return { ...result.update, house: state.house };
    }
    const update = reader.readUpdate(compact);
    if (!update) throw new Error(`update ${compact.seq} was made against reference ${compact.referenceVersion}, not the one held`);
    return update;
  };
  socket.on('election:updated', (update) => receive(() => void socket.updates.push(read(update))));
  socket.on('election:updates', (updates) => receive(() => void socket.updates.push(...updates.map(read))));
  socket.on('connect', () => socket.emit('election:watch', electionId));
  socket.nextUpdate = () => waitFor(socket.updates, seenUpdates, 5000, 'update', () => readError);
  socket.nextSnapshot = () => waitFor(socket.snapshots, seenSnapshots, 5000, 'snapshot', () => readError);
  await socket.nextSnapshot();
  return socket;
}

/** Closes what a test opened (viewers, then servers: last opened, first closed) after it, pass or fail. */
export function closedAfterEach(): <T extends { close(): unknown }>(opened: T) => T {
  let open: Array<{ close(): unknown }> = [];
  afterEach(async () => {
    const closing = open.reverse();
    open = [];
    for (const thing of closing) await thing.close();
  });
  return (opened) => {
    open.push(opened);
    return opened;
  };
}
