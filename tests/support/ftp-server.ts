/**
 * A real FTP server on loopback for the wire tests: Debian's python3-pyftpdlib (installed by
 * .ci/run when missing), one user with a password, serving a temp folder. It can be stopped and
 * started again on the same port, as PA's server going away for minutes and coming back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ftpSource, type WireSource } from '../../server/wire/wire-source.ts';
import { tempDir } from './server.ts';

const SERVER = `
import logging, sys
from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import FTPHandler
from pyftpdlib.servers import FTPServer
logging.basicConfig(level=logging.CRITICAL)
root, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
authorizer = DummyAuthorizer()
authorizer.add_user(user, password, root, perm='elradfmwMT')
FTPHandler.authorizer = authorizer
server = FTPServer(('127.0.0.1', port), FTPHandler)
print(server.socket.getsockname()[1], flush=True)
server.serve_forever()
`;

export const FTP_USER = 'pa-test';
export const FTP_PASSWORD = 'not-a-real-pa-password';

export interface FtpServer {
  url: string;
  root: string;
  port: number;
  /** A client for the test's own uploads (the generator's writer). */
  uploader(): WireSource;
  /** The poller's source: the same server as PA's client would reach it. */
  source(timeoutMs?: number): WireSource;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function launch(root: string, port: number): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn('/usr/bin/python3', ['-c', SERVER, root, String(port), FTP_USER, FTP_PASSWORD], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process killed before its afterAll must not leave the FTP server behind.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  child.once('exit', () => process.off('exit', orphaned));
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) =>
      reject(
        new Error(
          `the FTP server (python3-pyftpdlib) stopped with ${code}: ` +
            `${errors.trim() || 'is python3-pyftpdlib installed? .ci/run installs it'}`,
        ),
      ),
    );
    child.stdout!.once('data', (chunk: Buffer) => resolve({ child, port: Number(chunk.toString().trim()) }));
  });
}

export async function startFtpServer(): Promise<FtpServer> {
  const root = tempDir('pa-ftp-');
  for (const folder of ['results', 'nominations']) mkdirSync(path.join(root, folder));
  const launched = await launch(root, 0);
  let child = launched.child;
  const port = launched.port;
  const url = `ftp://127.0.0.1:${port}/`;
  const credentials = { user: FTP_USER, password: FTP_PASSWORD };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.removeAllListeners('exit');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    root,
    port,
    uploader: () => ftpSource(url, credentials),
    source: (timeoutMs) => ftpSource(url, credentials, timeoutMs),
    stop,
    async start() {
      ({ child } = await launch(root, port));
    },
    close: stop,
  };
}
