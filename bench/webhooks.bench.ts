/**
 * Webhooks and share images (issue 17), printed, never asserted:
 *  - a declaration's webhook reaching 20 endpoints, timed from its 201;
 *  - a declaration's share image, asked for the moment its 201 arrives;
 *  - the whole 650-seat 2019 night entered as fast as the server acknowledges,
 *    with share images and 20 webhooks, against the same with neither.
 * The server is a child process; the 20 receivers are real HTTP servers in this one.
 *
 * npm run bench -- webhooks [endpoints] [runs]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SeatResult } from '../server/import/hoc-candidates.ts';
import { seatImagePath } from '../shared/protocol/share-urls.ts';
import { freePort, startChild, type ChildServer } from '../tests/support/child-server.ts';
import { registerWebhooks } from '../tests/support/webhook-admin.ts';
import { BENCH_TOKEN, declare, enterNight, night2019 } from './night.ts';
import { kb, ms, spread } from './stats.ts';

const ENDPOINTS = Number(process.argv[2] ?? 20);
/** Whole nights without, then with, images and webhooks, alternately. */
const RUNS = Number(process.argv[3] ?? 2);
const PASSWORD = 'bench-admin-password-0123';
const now = () => performance.now();

interface Receivers {
  urls: string[];
  /** Arrival time of each idempotency key at each endpoint. */
  arrivals: Array<Map<string, number>>;
  close(): Promise<void>;
}

async function startReceivers(n: number): Promise<Receivers> {
  const arrivals = Array.from({ length: n }, () => new Map<string, number>());
  const servers = await Promise.all(
    arrivals.map(
      (seen) =>
        new Promise<http.Server>((resolve) => {
          const server = http.createServer((request, response) => {
            request.resume();
            request.on('end', () => {
              seen.set(String(request.headers['idempotency-key']), now());
              response.writeHead(204).end();
            });
          });
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  return {
    urls: servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`),
    arrivals,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}

async function startServer(dbPath: string, images: boolean): Promise<ChildServer> {
  return startChild({
    port: await freePort(),
    env: {
      DATABASE_PATH: dbPath,
      ELECTION_API_TOKEN: BENCH_TOKEN,
      ELECTION_ADMIN_PASSWORD: PASSWORD,
      ELECTION_SHARE_IMAGES: images ? 'on' : 'off',
    },
  });
}

const register = (server: ChildServer, urls: string[]) =>
  registerWebhooks(
    server.url,
    PASSWORD,
    urls.map((url, i) => ({ name: `receiver ${i + 1}`, url, events: ['declarations', 'corrections', 'recounts', 'headline'] })),
  );

const eventId = (seat: SeatResult) => `ge2019:${seat.code}:v1`;
const sleep = (msecs: number) => new Promise((r) => setTimeout(r, msecs));

/** Declarations one at a time, 100 ms apart as a busy desk enters them: webhook arrival and image readiness after each 201. */
async function paced(results: SeatResult[], count: number) {
  console.log(`\n--- ${count} declarations, 100 ms apart, ${ENDPOINTS} webhook endpoints, share images on ---`);
  const { dbPath } = night2019();
  const receivers = await startReceivers(ENDPOINTS);
  const server = await startServer(dbPath, true);
  try {
    await register(server, receivers.urls);
    const acked = new Map<string, number>();
    const imageMs: number[] = [];
    const squareMs: number[] = [];
    const sizes: number[] = [];
    for (const seat of results.slice(0, count)) {
      await declare(server.url, seat);
      const t = now();
      acked.set(eventId(seat), t);
      const [landscape, square] = await Promise.all(
        (['landscape', 'square'] as const).map(async (size) => {
          const response = await fetch(server.url + seatImagePath('ge2019', seat.code, 1, size));
          const bytes = (await response.arrayBuffer()).byteLength;
          if (response.status !== 200) throw new Error(`image ${seat.code}: ${response.status}`);
          return { ms: now() - t, bytes };
        }),
      );
      imageMs.push(landscape.ms);
      squareMs.push(square.ms);
      sizes.push(landscape.bytes, square.bytes);
      await sleep(100);
    }
    await sleep(2000);
    const delays: number[] = [];
    let missing = 0;
    for (const seen of receivers.arrivals) {
      for (const [key, at] of acked) {
        const got = seen.get(key);
        if (got === undefined) missing++;
        else delays.push(got - at);
      }
    }
    const d = spread(delays);
    console.log(
      `webhook, 201 to arrival at each endpoint (${d.n} deliveries, ${missing} missing): p50 ${ms(d.p50)}, p95 ${ms(d.p95)}, ` +
        `p99 ${ms(d.p99)}, max ${ms(d.last)}`,
    );
    const i = spread(imageMs);
    const q = spread(squareMs);
    const s = spread(sizes);
    console.log(
      `share image asked for at the 201, both sizes at once: 1200x675 p50 ${ms(i.p50)}, p95 ${ms(i.p95)}, max ${ms(i.last)}; ` +
        `1080x1080 p50 ${ms(q.p50)}, p95 ${ms(q.p95)}, max ${ms(q.last)}`,
    );
    console.log(`image size: p50 ${kb(s.p50)}, max ${kb(s.last)}`);
  } finally {
    await server.kill('SIGTERM');
    await receivers.close();
  }
}

/** The whole night back to back: per-request times with and without images and webhooks. */
async function night(images: boolean, endpoints: number) {
  const { dbPath, results } = night2019();
  const receivers = endpoints > 0 ? await startReceivers(endpoints) : null;
  const server = await startServer(dbPath, images);
  try {
    if (receivers) await register(server, receivers.urls);
    const { each, totalMs: total } = await enterNight(server.url, results);
    const s = spread(each);
    const what = `${images ? 'share images' : 'no images'}, ${endpoints} webhook endpoints`;
    console.log(
      `${what}: ${results.length} declarations in ${(total / 1000).toFixed(2)} s; per request p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, ` +
        `max ${ms(s.last)}`,
    );
    if (receivers) {
      const t = now();
      const last = results.at(-1)!;
      while (receivers.arrivals.some((seen) => !seen.has(eventId(last)))) await sleep(20);
      console.log(`  the last declaration's webhook had reached all ${endpoints} endpoints ${ms(now() - t)} after the last 201`);
    }
    if (images) {
      // Every 13th seat: an image that comes back within 20 ms was drawn ahead, in the background.
      const sample = results.filter((_, i) => i % 13 === 0);
      const took: number[] = [];
      for (const seat of sample) {
        const t2 = now();
        await (await fetch(server.url + seatImagePath('ge2019', seat.code, 1, 'landscape'))).arrayBuffer();
        took.push(now() - t2);
      }
      const f = spread(took);
      console.log(
        `  then ${sample.length} seats' 1200x675 images fetched: ${took.filter((t) => t < 20).length} already drawn ahead; ` +
          `p50 ${ms(f.p50)}, max ${ms(f.last)}`,
      );
    }
  } finally {
    await server.kill('SIGTERM');
    await receivers?.close();
  }
}

const { results } = night2019();
await paced(results, 50);
console.log(`\n--- entry: the whole ${results.length}-seat night posted as fast as the server acknowledges, one at a time ---`);
for (let run = 0; run < RUNS; run++) {
  await night(false, 0);
  await night(true, 0);
  await night(false, ENDPOINTS);
  await night(true, ENDPOINTS);
}
