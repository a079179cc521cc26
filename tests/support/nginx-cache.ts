/**
 * Debian's nginx as the HTTP cache a newsroom puts in front (a CDN's edge, in small): started by
 * the test on a loopback port, caching by the origin's own Cache-Control and Vary, collapsing
 * concurrent misses into one request (proxy_cache_lock), revalidating with the ETag, and serving
 * its copy when the origin fails (stale-if-error). Everything it writes stays in a temp folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './child-server.ts';
import { tempDir } from './server.ts';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export interface NginxCache {
  url: string;
  /** How many requests nginx passed on to the origin so far (its misses and revalidations). */
  originRequests(): number;
  stop(): Promise<void>;
}

function config(dir: string, port: number, origin: string): string {
  // Started as root (a CI container), nginx's workers would run as nobody and could not write the cache here.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  return `
${user}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 16384; }
http {
  # One line per request that went to the origin: what a CDN's bill and the origin's load are made of.
  log_format origin '$upstream_addr';
  map $upstream_addr $to_origin { '' 0; default 1; }
  access_log ${dir}/origin.log origin if=$to_origin;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=readers:10m max_size=200m inactive=10m use_temp_path=off;
  keepalive_requests 1000000;
  upstream origin { server ${origin}; keepalive 16; }
  server {
    listen 127.0.0.1:${port} backlog=16384;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_cache readers;
      proxy_cache_lock on;
      proxy_cache_lock_timeout 5s;
      proxy_cache_revalidate on;
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      add_header X-Cache $upstream_cache_status always;
    }
  }
}
`;
}

/** nginx in front of `origin` (host:port), on a free loopback port. */
export async function startNginxCache(origin: string): Promise<NginxCache> {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx-light (.ci/run does)`);
  const dir = tempDir('election-nginx-');
  const port = await freePort();
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config(dir, port, origin));
  const child: ChildProcess = spawn(NGINX, ['-c', file, '-p', dir, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}${fs.readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
    try {
      await fetch(`${url}/api/elections`);
      break;
    } catch {
      if (i > 100) throw new Error(`nginx did not answer on ${url}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    originRequests: () => {
      const log = path.join(dir, 'origin.log');
      return fs.existsSync(log)
        ? fs
            .readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => l !== '' && l !== '-').length
        : 0;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await exited;
    },
  };
}
