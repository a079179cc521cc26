/**
 * A real HTTP receiver for webhook tests, on a loopback port: it verifies each
 * signature as a receiver would and keeps what arrived. It can go down and come
 * back on the same port, answer 500, or hold requests until the test lets go.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../server/webhooks/signature.ts';

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  json: any;
  key: string;
  signed: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Every request's Idempotency-Key as it arrived, answered or not. */
  arrivals: string[];
  /** What it answers while up: a status code, or 'hold' to keep each request open until release(). */
  answer: number | 'hold';
  release(): void;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Resolves once `count` requests have arrived (signed or not). */
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(secret: string | (() => string)): Promise<Receiver> {
  const held: Array<() => void> = [];
  let port = 0;
  let server: http.Server;
  const receiver: Receiver = {
    url: '',
    received: [],
    arrivals: [],
    answer: 200,
    release() {
      for (const go of held.splice(0)) go();
    },
    async down() {
      receiver.release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      server = http.createServer(handle);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
      port = (server.address() as AddressInfo).port;
      receiver.url = `http://127.0.0.1:${port}/hook`;
    },
    waitFor(count, timeoutMs = 10_000) {
      const started = Date.now();
      return new Promise((resolve, reject) => {
        const poll = () => {
          if (receiver.received.length >= count) return resolve(receiver.received);
          if (Date.now() - started > timeoutMs) {
            return reject(new Error(`the receiver had ${receiver.received.length} of ${count} deliveries after ${timeoutMs} ms`));
          }
          setTimeout(poll, 10);
        };
        poll();
      });
    },
    async close() {
      if (server.listening) await receiver.down();
    },
  };

  function handle(request: http.IncomingMessage, response: http.ServerResponse) {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const key = String(request.headers['idempotency-key']);
      receiver.arrivals.push(key);
      const answer = receiver.answer;
      const reply = (status: number) => {
        const signed = verifySignature(
          typeof secret === 'string' ? secret : secret(),
          request.headers['election-signature'] as string,
          body,
        );
        // Kept when accepted (2xx), as a receiver acts on it: a request abandoned while held never counted.
        if (!response.destroyed && status < 300)
          receiver.received.push({ headers: request.headers, body, json: JSON.parse(body), key, signed });
        response.writeHead(status).end();
      };
      if (answer === 'hold') held.push(() => reply(200));
      else reply(answer);
    });
  }

  await receiver.up();
  return receiver;
}
