/**
 * Fastify's own logger (pino): one JSON line per event, each with the request's id (reqId).
 * Secrets never reach the log: credentials and cookies are redacted wherever a header is logged.
 * A night of readers must not flood it: answered reads are logged at debug, writes and refusals
 * at info, and a failure (5xx) once, at error, with its stack and the id the reply carries.
 */
import { LogController, type FastifyInstance } from 'fastify';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const SECRET_HEADERS = ['authorization', 'cookie', '["x-csrf-token"]', '["set-cookie"]'];

/** Fastify's logger options: silent unless a level is given (tests stay quiet); its own two lines a request replaced by logEachRequest. */
export function loggerOptions(level: LogLevel = 'silent', stream?: { write(line: string): void }) {
  const redact = SECRET_HEADERS.flatMap((h) => {
    const key = h.startsWith('[') ? h : `.${h}`;
    return [`req.headers${key}`, `res.headers${key}`, `headers${key}`];
  });
  return {
    logger: { level, redact: { paths: redact, censor: '[redacted]' }, ...(stream && { stream }) },
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/** One line per answered request, instead of Fastify's two; reads that went well at debug. */
export function logEachRequest(app: FastifyInstance) {
  app.addHook('onResponse', (request, reply, done) => {
    const read = request.method === 'GET' || request.method === 'HEAD';
    const level = read && reply.statusCode < 400 ? 'debug' : 'info';
    request.log[level](
      { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'answered',
    );
    done();
  });
}
