/**
 * Where PA's files are: a local folder (a mirrored drop) or PA's FTP server. Both read the same
 * way (a folder's .timestamp, its listing, a file) and both can be written to, for the rehearsal
 * night and the tests. FTP credentials come from the environment and are never put in a message.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Writable, Readable } from 'node:stream';
import { Client } from 'basic-ftp';

export type PaFolderName = 'nominations' | 'results';

export interface WireSource {
  /** Where it reads, for people: never with credentials. */
  describe: string;
  /** The folder's .timestamp as written, or null where there is none yet. */
  timestamp(folder: PaFolderName): Promise<string | null>;
  list(folder: PaFolderName): Promise<string[]>;
  read(folder: PaFolderName, name: string): Promise<string>;
  write(folder: PaFolderName, name: string, content: string): Promise<void>;
  close(): Promise<void>;
}

export function folderSource(dir: string): WireSource {
  const at = (folder: PaFolderName, name = '') => path.join(dir, folder, name);
  return {
    describe: `folder ${path.resolve(dir)}`,
    async timestamp(folder) {
      try {
        return (await readFile(at(folder, '.timestamp'), 'utf8')).trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async list(folder) {
      try {
        return (await readdir(at(folder), { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
    read: (folder, name) => readFile(at(folder, name), 'utf8'),
    async write(folder, name, content) {
      await mkdir(at(folder), { recursive: true });
      await writeFile(at(folder, name), content);
    },
    async close() {},
  };
}

export interface FtpCredentials {
  user: string;
  password: string;
}

/** PA_FTP_USER and PA_FTP_PASSWORD; anonymous where neither is set (a local test server). */
export function ftpCredentials(env: NodeJS.ProcessEnv = process.env): FtpCredentials {
  return { user: env.PA_FTP_USER ?? 'anonymous', password: env.PA_FTP_PASSWORD ?? '' };
}

/** ftp://host[:port][/folder]: one connection, one operation at a time, reopened after any failure. */
export function ftpSource(address: string, credentials: FtpCredentials, timeoutMs = 3000): WireSource {
  const url = new URL(address);
  if (url.protocol !== 'ftp:') throw new Error(`${address}: an FTP source is an ftp:// address`);
  if (url.username || url.password)
    throw new Error('the FTP address must not carry a user or password: set PA_FTP_USER and PA_FTP_PASSWORD');
  const root = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  const remote = (folder: PaFolderName, name = '') => `${root}/${folder}${name ? `/${name}` : ''}`;
  let client: Client | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const made = new Set<string>();

  async function connected(): Promise<Client> {
    if (client && !client.closed) return client;
    const fresh = new Client(timeoutMs);
    try {
      await fresh.access({ host: url.hostname, port: Number(url.port || 21), user: credentials.user, password: credentials.password });
    } catch (error) {
      fresh.close();
      throw error;
    }
    client = fresh;
    return fresh;
  }

  /** basic-ftp takes one command at a time; a failure closes the connection so the next call starts clean. */
  function serial<T>(work: (c: Client) => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      try {
        return await work(await connected());
      } catch (error) {
        client?.close();
        client = null;
        throw error;
      }
    });
    queue = run.catch(() => {});
    return run;
  }

  const download = (c: Client, file: string) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
    return c.downloadTo(sink, file).then(() => Buffer.concat(chunks).toString('utf8'));
  };
  const missing = (error: unknown) => (error as { code?: number }).code === 550;

  return {
    describe: `ftp://${url.host}${root || '/'}`,
    timestamp: (folder) =>
      serial(async (c) => {
        try {
          return (await download(c, remote(folder, '.timestamp'))).trim();
        } catch (error) {
          if (missing(error)) return null;
          throw error;
        }
      }),
    list: (folder) =>
      serial(async (c) => {
        try {
          return (await c.list(remote(folder))).filter((f) => f.isFile).map((f) => f.name);
        } catch (error) {
          if (missing(error)) return [];
          throw error;
        }
      }),
    read: (folder, name) => serial((c) => download(c, remote(folder, name))),
    write: (folder, name, content) =>
      serial(async (c) => {
        if (!made.has(folder)) {
          await c.ensureDir(remote(folder));
          made.add(folder);
        }
        await c.uploadFrom(Readable.from([Buffer.from(content)]), remote(folder, name));
      }),
    async close() {
      await queue;
      client?.close();
      client = null;
    },
  };
}

/** An ftp:// address, or a folder. */
export function wireSource(where: string, env: NodeJS.ProcessEnv = process.env): WireSource {
  return where.startsWith('ftp://') ? ftpSource(where, ftpCredentials(env)) : folderSource(where);
}
