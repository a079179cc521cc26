/**
 * What one client may hold of the HTTP server, before any authentication:
 * how long it may take to send headers and a whole request, how long an idle
 * connection is kept, how many requests it may have in flight at once
 * (pipelining), and how many connections one address may open. A client that
 * leaves responses unread holds at most about one: Node stops reading a
 * connection whose responses are not drained, and the idle timeout then
 * closes it. Every bound is in the README's limits
 * table with its environment variable (server/config/env.ts).
 *
 * The defaults leave socket.io alone: a long-poll GET is held about 25 s
 * (pingInterval), within the 60 s idle timeout, and a WebSocket is no longer
 * an HTTP request once upgraded (ws clears the socket's timeout).
 */
import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import proxyAddr from '@fastify/proxy-addr';

export interface HttpLimits {
  /** Headers must arrive within this (slow headers: slowloris). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (a body trickled a byte at a time). */
  requestTimeoutMs: number;
  /** A kept-alive connection with no request in flight is closed after this. */
  keepAliveTimeoutMs: number;
  /** A connection with no bytes either way for this long is closed; above socket.io's 25 s long-poll hold. */
  idleTimeoutMs: number;
  /** Requests one connection may have in flight at once (browsers never pipeline): past it, the connection is closed. */
  maxPipelined: number;
  /** Open connections (HTTP and WebSocket) from one address; 0 for no limit. Trusted proxies are exempt. */
  maxConnectionsPerAddress: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
  maxPipelined: 16,
  maxConnectionsPerAddress: 128,
};

/** Fastify's own options for the timeouts (it creates the node:http server with them). */
export function serverTimeouts(limits: HttpLimits): {
  connectionTimeout: number;
  keepAliveTimeout: number;
  requestTimeout: number;
  http: ServerOptions;
} {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default): a few times per timeout.
      connectionsCheckingInterval: Math.max(250, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)),
    },
  };
}

/**
 * The per-connection and per-address bounds, on the raw server: after socket.io has attached
 * (it takes over the 'request' listeners), so these see its long-polls as well as our routes.
 */
export function boundConnections(server: Server, limits: HttpLimits, trustedProxies: readonly string[] = []) {
  const trusted = trustedProxies.length > 0 ? proxyAddr.compile([...trustedProxies]) : () => false;
  const perAddress = new Map<string, number>();
  const inFlight = new WeakMap<Socket, number>();

  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress;
    if (!address || limits.maxConnectionsPerAddress <= 0 || trusted(address, 0)) return;
    const open = (perAddress.get(address) ?? 0) + 1;
    perAddress.set(address, open);
    socket.once('close', () => {
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    if (open > limits.maxConnectionsPerAddress) socket.destroy();
  });

  server.prependListener('request', (request, response) => {
    const socket = request.socket;
    const count = (inFlight.get(socket) ?? 0) + 1;
    inFlight.set(socket, count);
    response.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
    if (count > limits.maxPipelined) socket.destroy();
  });
}
