/** createApp: HTTP routes, socket.io and the services over one database. No listening, no config. */
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError } from 'fastify';
import type { Db } from './db/connection.ts';
import { bearerCheck } from './http/auth.ts';
import { declarationsRoutes } from './http/declarations-routes.ts';
import { electionsRoutes } from './http/elections-routes.ts';
import { feedsRoutes } from './http/feeds-routes.ts';
import { screensRoutes } from './http/screens-routes.ts';
import { broadcastSettings, broadcastUpdate, createSocketServer, type ResultsIo } from './realtime/socket-server.ts';
import { createElectionService } from './services/election-service.ts';
import { RefusedError } from './services/errors.ts';

export interface AppOptions {
  db: Db;
  /** The bearer token every write needs. */
  apiToken: string;
  /** The built client (vite build); pages are not served when it is absent. */
  clientDist?: string;
  now?: () => Date;
}

/** Bodies larger than this are refused with 413: a 60-candidate declaration is under 8 KB. */
export const BODY_LIMIT_BYTES = 256 * 1024;

const PAGES: Record<string, string> = { '/': 'index.html', '/entry': 'entry.html' };

export function createApp({ db, apiToken, clientDist, now }: AppOptions) {
  const http = Fastify({ bodyLimit: BODY_LIMIT_BYTES, logger: false });
  let io: ResultsIo | undefined;
  const service = createElectionService({
    db,
    now,
    onUpdate: (update) => io && broadcastUpdate(io, update),
    onSettings: (settings) => io && broadcastSettings(io, settings),
  });

  http.setErrorHandler((error: FastifyError | RefusedError, _request, reply) => {
    if (error instanceof RefusedError) {
      return reply.code(error.status).send({ error: error.message, problems: error.problems, seat: error.seat });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const message = status === 500 ? 'the server failed; the change was not made' : error.message;
    if (status === 500) console.error(error);
    return reply.code(status).send({ error: message, problems: [{ path: 'body', message }] });
  });

  const writer = bearerCheck(apiToken);
  electionsRoutes(http, service);
  feedsRoutes(http, service);
  declarationsRoutes(http, service, writer);
  screensRoutes(http, service, writer);

  if (clientDist && fs.existsSync(path.join(clientDist, 'index.html'))) {
    http.register(fastifyStatic, { root: clientDist, index: false });
    for (const [route, file] of Object.entries(PAGES)) {
      http.get(route, (_request, reply) => reply.sendFile(file));
    }
  }

  io = createSocketServer(http.server, service);

  return {
    http,
    io,
    service,
    async listen(port: number, host = '127.0.0.1') {
      await http.listen({ port, host });
      const address = http.server.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async close() {
      io!.close();
      await http.close();
    },
  };
}
export type App = ReturnType<typeof createApp>;
