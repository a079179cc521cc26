/** createApp: HTTP routes, socket.io and the services over one database. No listening, no config. */
import fs from 'node:fs';
import path from 'node:path';
import type { ElectionUpdate } from '../shared/protocol/schemas.ts';
import type { Db } from './db/connection.ts';
import { createAccountsService } from './accounts/accounts-service.ts';
import { auditRoutes } from './http/audit-routes.ts';
import { boundConnections, DEFAULT_HTTP_LIMITS, type HttpLimits } from './http/connection-bounds.ts';
import { deskRoutes } from './http/desk-routes.ts';
import { createGate } from './http/identity.ts';
import { sessionRoutes } from './http/session-routes.ts';
import { accountsRoutes } from './http/accounts-routes.ts';
import { createDeskSocket, socketOriginCheck } from './realtime/desk-socket.ts';
import { createDeskService } from './services/desk-service.ts';
import { declarationsRoutes } from './http/declarations-routes.ts';
import { electionsRoutes } from './http/elections-routes.ts';
import { embedRoutes } from './http/embed-routes.ts';
import { snapshotRoutes } from './http/snapshot-routes.ts';
import { leanRoutes } from './http/lean-routes.ts';
import { warmReference } from './http/reference-reply.ts';
import { feedsRoutes } from './http/feeds-routes.ts';
import type { LogLevel } from './http/logging.ts';
import { createHttpStack } from './http/http-stack.ts';
import { continuityRoutes } from './http/continuity-routes.ts';
import { nightInputsRoutes } from './http/night-inputs-routes.ts';
import { screensRoutes } from './http/screens-routes.ts';
import { staticFiles, type Pages } from './http/static-files.ts';
import { EMBED_WIDGETS, embedPage } from '../shared/protocol/embed-pages.ts';
import { createUpdateBatcher } from './realtime/batcher.ts';
import { broadcastSettings, broadcastUpdates, createSocketServer, resyncViewers, watched } from './realtime/socket-server.ts';
import type { ResultsIo } from './realtime/types.ts';
import { webhooksRoutes } from './http/webhooks-routes.ts';
import { createElectionService } from './services/election-service.ts';
import { createWebhooksService } from './services/webhooks-service.ts';
import { createOutbox } from './webhooks/outbox.ts';
import { createWebhookSender } from './webhooks/sender.ts';
import { shareRoutes } from './http/share-routes.ts';
import { createRenderer, DEFAULT_FONT_DIR, fontProblem } from './share/renderer.ts';
import { createShareService } from './share/share-service.ts';
import { createWireService } from './services/wire-service.ts';
import { wireRoutes } from './http/wire-routes.ts';
import { startWireFeeds, xrefFromDataDir, type WireFeedOptions } from './wire/wire-role.ts';

export interface AppOptions {
  db: Db;
  /** ELECTION_API_TOKEN: an editor-level bearer token for scripts, beside the accounts and the admin's tokens. */
  apiToken?: string;
  /** Origins besides the server's own that may use editor sessions (a proxy's public https address). */
  allowedOrigins?: readonly string[];
  /** Failed logins allowed per address and username in a minute. */
  loginLimit?: number;
  /** The reverse proxies in front (addresses or CIDR ranges): a request from one is counted by its X-Forwarded-For address. */
  trustedProxies?: readonly string[];
  /** Timeouts and per-connection and per-address bounds (server/http/connection-bounds.ts); each unset one takes its default. */
  httpLimits?: Partial<HttpLimits>;
  /** LOG_LEVEL: Fastify's logger (pino) to stdout, or `logStream`; silent when not given. */
  logLevel?: LogLevel;
  logStream?: { write(line: string): void };
  /**
   * The site's public address (ELECTION_PUBLIC_URL), for links the server writes (feeds, webhooks' image links);
   * without it they are paths, or http://localhost:PORT for webhooks.
   */
  publicUrl?: string;
  /** The built client (vite build); pages are not served when it is absent. */
  clientDist?: string;
  now?: () => Date;
  /** A viewer further behind than this many bytes is dropped and resyncs when it reconnects (server/realtime/backlog.ts). */
  viewerBacklogBytes?: number;
  /** How long updates wait to be sent together (server/realtime/batcher.ts); 0 still batches one tick. */
  batchWindowMs?: number;
  /** Webhook sending: the retry schedule after each failed attempt, and how long an attempt may take (server/webhooks/worker.ts). */
  webhooks?: { retryDelaysMs?: readonly number[]; timeoutMs?: number };
  /** Share images (server/share/): where the DejaVu fonts are, or false for none. On by default. */
  shareImages?: { fontDir?: string } | false;
  /** The wire role: PA's drop (a folder or an FTP server) polled into an election (server/wire/wire-role.ts). */
  wire?: WireFeedOptions;
  /** What the writer role hands the fan-out processes (server/realtime/redis-adapter.ts). */
  relay?: {
    /** Each batch after this process's viewers have it. */
    batch(electionId: string, updates: ElectionUpdate[]): void;
    /** Party continuity changed: outcomes are computed afresh, so every screen needs the state again. */
    referenceChanged(): void;
  };
}

const PAGES: Pages = {
  '/': 'index.html',
  '/entry': 'entry.html',
  '/audit': 'audit.html',
  '/big-screen': 'big-screen.html',
  '/screens': 'screens.html',
  '/admin': 'admin.html',
  // The embeds: a reader's polling page or the socket's, by the address (shared/protocol/embed-pages.ts).
  ...Object.fromEntries(EMBED_WIDGETS.map((widget) => [`/embed/${widget}`, (query: URLSearchParams) => embedPage(widget, query)])),
};

export function createApp({
  db,
  apiToken,
  allowedOrigins = [],
  loginLimit,
  trustedProxies = [],
  httpLimits,
  logLevel,
  logStream,
  publicUrl,
  clientDist,
  now,
  batchWindowMs,
  viewerBacklogBytes,
  relay,
  webhooks: webhookOptions,
  shareImages = {},
  wire: wireFeed,
}: AppOptions) {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...httpLimits };
  const http = createHttpStack({ limits, trustedProxies, logLevel, logStream });
  let io: ResultsIo | undefined;
  const batcher = createUpdateBatcher({
    windowMs: batchWindowMs,
    send(electionId, updates) {
      if (io) broadcastUpdates(io, electionId, updates, service.reference(electionId));
      relay?.batch(electionId, updates);
    },
  });
  let baseUrl = publicUrl?.replace(/\/+$/, '') ?? null;
  const fontDir = shareImages === false ? null : (shareImages.fontDir ?? DEFAULT_FONT_DIR);
  const imagesOff = fontDir === null ? 'share images are off on this server' : fontProblem(fontDir);
  if (imagesOff && fontDir !== null) console.error(imagesOff);
  const renderer = imagesOff ? null : createRenderer({ fontDir: fontDir! });
  const outbox = createOutbox({
    db,
    parties: () => service.parties(),
    imageBase: () => (renderer ? baseUrl : null),
    night: (electionId) => ({ seatStates: service.state(electionId).seatStates, continuity: service.continuity() }),
  });
  const worker = createWebhookSender({ db, now, ...webhookOptions });
  const queued = new Set<number>();
  const service = createElectionService({
    db,
    now,
    onUpdate: (update) => {
      batcher.push(update);
      // After the commit, never before: the worker reads what the transaction wrote.
      if (queued.size > 0) worker.kick([...queued]);
      queued.clear();
      // After the 201 has gone: this version's images and the new party table, drawn in the background.
      if (share) {
        const house = service.house(update.election);
        setImmediate(() => {
          try {
            share.prerender(update, house);
          } catch (err) {
            console.error(`share images: ${err instanceof Error ? err.message : String(err)}`);
          }
        });
      }
    },
    onSettings: (settings) => io && broadcastSettings(io, settings),
    onReferenceChanged: () => referenceChanged(),
    onRecord: (change) => {
      for (const id of outbox.record(change)) queued.add(id);
    },
  });
  const webhooks = createWebhooksService({ db, outbox, worker, now });
  const share = renderer ? createShareService({ db, elections: service, renderer }) : null;

  const accounts = createAccountsService({ db, envToken: apiToken, now, loginLimit });
  const gate = createGate({ accounts, allowedOrigins });
  const desk = createDeskService({ db, elections: service, now, onPending: (e, pending) => deskSocket.broadcastPending(e, pending) });
  const deskSocket = createDeskSocket({ accounts, desk, now });
  const wire = createWireService({
    db,
    elections: service,
    now,
    xref: wireFeed?.xref ?? xrefFromDataDir(),
    onChanged: (e, view) => deskSocket.broadcastWire(e, view),
  });
  // Routes are added once the plugins above have loaded: @fastify/compress attaches itself to each route as it is added.
  http.after(() => {
    electionsRoutes(http, service);
    snapshotRoutes(http, service);
    leanRoutes(http, service);
    embedRoutes(http, service);
    feedsRoutes(http, service, { publicUrl });
    declarationsRoutes(http, desk, gate);
    sessionRoutes(http, { accounts, gate, allowedOrigins });
    accountsRoutes(http, accounts, gate);
    deskRoutes(http, desk, gate);
    wireRoutes(http, wire, gate);
    auditRoutes(http, { db, elections: service, gate });
    screensRoutes(http, service, gate);
    nightInputsRoutes(http, service, gate);
    continuityRoutes(http, { db, service, gate, onChanged: referenceChanged });
    webhooksRoutes(http, webhooks, gate);
    shareRoutes(http, { share, elections: service, off: imagesOff });

    if (clientDist && fs.existsSync(path.join(clientDist, 'index.html'))) {
      staticFiles(http, clientDist, PAGES);
    }
  });

  io = createSocketServer(http.server, service, {
    allowRequest: socketOriginCheck(allowedOrigins),
    onConnection: deskSocket.onConnection,
    backlogLimitBytes: viewerBacklogBytes,
  });
  deskSocket.attach(io);
  const feeds = startWireFeeds(wire, wireFeed);
  boundConnections(http.server, limits, trustedProxies);

  /** A continuity row changes labels already on screen: every viewer here gets the state again, and so do the fan-out processes'. */
  function referenceChanged() {
    batcher.flush();
    for (const { id } of service.listElections()) {
      if (!watched(io!, id)) continue;
      warmReference(service.reference(id));
      resyncViewers(io!, service.snapshot(id));
    }
    relay?.referenceChanged();
  }

  return {
    http,
    io,
    service,
    accounts,
    webhooks,
    share,
    async listen(port: number, host = '127.0.0.1') {
      await http.listen({ port, host });
      const address = http.server.address();
      const bound = typeof address === 'object' && address ? address.port : port;
      baseUrl ??= `http://localhost:${bound}`;
      // Whatever was queued before a stop or a crash goes out now, in order.
      worker.kick();
      return bound;
    },
    wire,
    async close() {
      await worker.close();
      renderer?.close();
      await feeds.stop();
      wire.close();
      batcher.flush();
      deskSocket.close();
      io!.close();
      await http.close();
    },
  };
}
export type App = ReturnType<typeof createApp>;
