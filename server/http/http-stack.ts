/**
 * The one HTTP stack of every server process, the writer (app.ts) and the
 * fan-out processes (fanout-main.ts) alike: Fastify with strict JSON bodies,
 * one log line a request, security headers on every answer (document-only
 * ones on pages only), text replies compressed, and errors answered in one
 * shape: `{ error, problems, seat }` for a refusal, a request id for a failure.
 */
import type { RefusalBody } from '../../shared/protocol/http-replies.ts';
import fastifyHelmet from '@fastify/helmet';
import fastifyCompress from '@fastify/compress';
import Fastify, { type FastifyError } from 'fastify';
import { RefusedError } from '../services/errors.ts';
import { serverTimeouts, type HttpLimits } from './connection-bounds.ts';
import { BROTLI_OPTIONS, COMPRESS_THRESHOLD_BYTES } from './encoded-body.ts';
import { strictJsonBodies } from './json-body.ts';
import { logEachRequest, loggerOptions, type LogLevel } from './logging.ts';
import { documentHeadersOnPagesOnly, SECURITY_HEADERS } from './security-headers.ts';

/** Bodies larger than this are refused with 413: a 60-candidate declaration is under 8 KB. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface HttpStackOptions {
  limits: HttpLimits;
  /** The reverse proxies in front: without them, X-Forwarded-For is ignored (anyone could write any address into it). */
  trustedProxies?: readonly string[];
  logLevel?: LogLevel;
  logStream?: { write(line: string): void };
}

export function createHttpStack({ limits, trustedProxies = [], logLevel, logStream }: HttpStackOptions) {
  const http = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    ...loggerOptions(logLevel, logStream),
    trustProxy: trustedProxies.length > 0 ? [...trustedProxies] : false,
    ...serverTimeouts(limits),
  });
  strictJsonBodies(http);
  logEachRequest(http);
  http.register(fastifyHelmet, SECURITY_HEADERS);
  http.addHook('onSend', async (_request, reply, payload) => {
    documentHeadersOnPagesOnly(reply);
    return payload;
  });
  // Every other text reply (lists, versions, audit, the desk's replies) compressed as it goes.
  http.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    brotliOptions: BROTLI_OPTIONS,
  });

  http.setErrorHandler((error: FastifyError | RefusedError, request, reply) => {
    if (error instanceof RefusedError) {
      return reply.code(error.status).send({ error: error.message, problems: error.problems, seat: error.seat } satisfies RefusalBody);
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      // Logged once, with the id the reply carries so a report can be matched to its line.
      request.log.error({ err: error }, 'request failed');
      const message = `the server failed; the change was not made (request ${request.id})`;
      return reply.code(500).send({ error: message, problems: [{ path: 'body', message }], requestId: request.id } satisfies RefusalBody);
    }
    return reply.code(status).send({ error: error.message, problems: [{ path: 'body', message: error.message }] } satisfies RefusalBody);
  });
  return http;
}
