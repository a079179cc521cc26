/**
 * Finding 3 of the hostile-outsider review: viewers that never read grew
 * the server without bound. Here a long-polling viewer watches and then
 * never comes back for what it is sent (engine.io queues it all); once it
 * is further behind than the limit, the server drops it.
 */
import { describe, expect, test } from 'vitest';
import { labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, watch } from '../support/server.ts';

const open = closedAfterEach();

/** A long-polling socket.io client by hand: handshake, connect, watch, and then it never polls again. */
async function stalledPollingViewer(url: string, electionId: string): Promise<string> {
  const base = `${url}/socket.io/?EIO=4&transport=polling`;
  const handshake = await (await fetch(base)).text();
  const { sid } = JSON.parse(handshake.slice(handshake.indexOf('{'))) as { sid: string };
  const post = (body: string) => fetch(`${base}&sid=${sid}`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
  await post('40');
  await fetch(`${base}&sid=${sid}`); // the connect reply; the last thing it ever reads
  await post(`42${JSON.stringify(['election:watch', electionId])}`);
  return sid;
}

describe('a viewer that never reads', () => {
  test('is dropped once it is further behind than the backlog limit, while a reading viewer gets every update', async () => {
    const server = open(await startServer({ viewerBacklogBytes: 16 * 1024 }));
    const reader = open(await watch(server, 'ge2017'));
    await stalledPollingViewer(server.url, 'ge2017');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.app.io.engine.clientsCount).toBe(2);

    // Corrections of one seat, each a numbered update to every viewer, until the stalled one is gone.
    const seat: string = (await api(server, 'GET', '/api/elections/ge2017/state')).body.seatStates[0].code;
    const { seat: _code, ...figures } = labourGainIn(seat);
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(seat))).status).toBe(201);
    await reader.nextUpdate();
    let changes = 1;
    while (server.app.io.engine.clientsCount > 1 && changes < 200) {
      const correction = {
        ...figures,
        candidates: figures.candidates.map((c, i) => (i === 0 ? { ...c, votes: c.votes + changes } : c)),
        reason: `recounted bundle ${changes}`,
      };
      expect((await api(server, 'POST', `/api/elections/ge2017/seats/${seat}/correction`, correction)).status).toBe(200);
      await reader.nextUpdate();
      changes++;
    }
    const declared = changes;
    expect(server.app.io.engine.clientsCount).toBe(1);
    expect(reader.connected).toBe(true);
    expect(reader.updates.map((u) => u.seq)).toEqual(Array.from({ length: declared }, (_, i) => i + 1));
  });
});
