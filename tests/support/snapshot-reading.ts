/**
 * Test viewers read compact snapshots as the dashboard does (client/src/lib/snapshot-reader.ts),
 * fetching the reference from the server they are connected to, each request on its own
 * connection (no keep-alive pool to go stale across a restart).
 */
import http from 'node:http';
import { SnapshotReader } from '../../client/src/lib/snapshot-reader.ts';

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200) reject(new Error(`${url} answered ${response.statusCode}: ${text}`));
        else resolve(JSON.parse(text) as T);
      });
    });
    request.on('error', reject);
  });
}

/** `baseUrl` is asked at each fetch: a viewer that moves to another server reads against that one. */
export function testSnapshotReader(baseUrl: () => string): SnapshotReader {
  const route = (electionId: string, what: string) => `${baseUrl()}/api/elections/${encodeURIComponent(electionId)}/${what}`;
  return new SnapshotReader({
    fetchReference: (electionId) => getJson(route(electionId, 'reference')),
    fetchState: (electionId) => getJson(route(electionId, 'state')),
  });
}

/**
 * Handles socket events strictly in arrival order, even while a snapshot
 * waits for its reference, as the dashboard store holds updates back meanwhile.
 */
export function inOrder(onError: (error: unknown) => void): (receive: () => void | Promise<void>) => void {
  let inbox: Promise<void> = Promise.resolve();
  return (receive) => {
    inbox = inbox.then(receive).catch(onError);
  };
}
