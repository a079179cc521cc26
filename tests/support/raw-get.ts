/** A GET as it came over the wire: status, headers and the body's bytes as sent (compressed or not), on a connection of its own. */
import http from 'node:http';
import type { RunningServer } from './server.ts';

export type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export function getRaw(server: RunningServer, route: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(server.url + route, { agent: false, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}
