/**
 * npm run ingest -- pa --election ID (--ftp ftp://host[:port][/folder] | --folder DIR)
 *                     [--url http://localhost:3000] [--token T] [--interval-ms 1000]
 *
 * Polls PA's drop and hands each new file to the server, which reads and applies it through the
 * same wire service as its own wire role. FTP credentials are PA_FTP_USER and PA_FTP_PASSWORD;
 * the token defaults to ELECTION_API_TOKEN. Neither is ever printed.
 */
import { parseArgs } from 'node:util';
import { startWirePoller, type WireSink } from '../wire/wire-poller.ts';
import { folderSource, ftpCredentials, ftpSource } from '../wire/wire-source.ts';

const USAGE = 'usage: npm run ingest -- pa --election ID (--ftp ftp://host:port/folder | --folder DIR) [--url URL] [--token T]';
const fail = (message: string): never => {
  console.error(`ingest: ${message}\n${USAGE}`);
  process.exit(2);
};

const [feed, ...rest] = process.argv.slice(2);
if (feed !== 'pa') fail(`unknown feed ${feed ?? '(none)'}: only pa`);
const { values } = parseArgs({
  args: rest,
  options: {
    election: { type: 'string' },
    ftp: { type: 'string' },
    folder: { type: 'string' },
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? 3000}` },
    token: { type: 'string' },
    'interval-ms': { type: 'string', default: '1000' },
  },
});
const election = values.election ?? fail('--election is needed, e.g. --election ge2019');
const token = values.token ?? process.env.ELECTION_API_TOKEN ?? fail('--token or ELECTION_API_TOKEN is needed');
if (!values.ftp === !values.folder) fail('one of --ftp ADDRESS or --folder DIR');
const source = values.ftp ? ftpSource(values.ftp, ftpCredentials()) : folderSource(values.folder!);
const base = `${values.url.replace(/\/$/, '')}/api/elections/${encodeURIComponent(election)}/wire`;

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const reply = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(`the server answered ${response.status}: ${reply.error ?? response.statusText}`);
  return reply;
}

/**
 * The files in order, in lots whose XML adds up to at most `bytes` characters, leaving room for JSON's escapes (a bigger file goes alone).
 */
function lotsUnder<T extends { xml: string }>(files: readonly T[], bytes: number): T[][] {
  const lots: T[][] = [];
  let size = Infinity;
  for (const file of files) {
    if (size + file.xml.length > bytes) {
      lots.push([]);
      size = 0;
    }
    lots.at(-1)!.push(file);
    size += file.xml.length;
  }
  return lots;
}

const sink: WireSink = {
  settled: async () => (await call<{ names: string[] }>('GET', '/settled')).names,
  // Posted in lots under the server's 256 KB body limit, each settled in one transaction.
  async receive(files) {
    const outcomes: Array<{ outcome: string; note: string }> = [];
    for (const lot of lotsUnder(files, 150_000))
      outcomes.push(...(await call<{ outcomes: typeof outcomes }>('POST', '/batch', { files: lot })).outcomes);
    return outcomes;
  },
  report: async (ok, detail) => void (await call('POST', '/feed', { ok, detail })),
};

console.log(`Ingesting PA from ${source.describe} into ${election} at ${values.url}`);
const poller = startWirePoller({ source, sink, intervalMs: Number(values['interval-ms']), log: (line) => console.log(line) });
const stop = () => void poller.stop().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
