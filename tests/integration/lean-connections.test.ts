/**
 * What a connection keeps (server/realtime/lean-connections.ts): the opening request is dropped once
 * the socket is made, as socket.io's memory recipe does, after the session is copied into
 * socket.data; the handshake keeps every header as socket.io built it, none silently missing.
 */
import { io as connect } from 'socket.io-client';
import { describe, expect, test } from 'vitest';
import type { ResultsSocket } from '../../server/realtime/types.ts';
import { closedAfterEach, startServer } from '../support/server.ts';

describe('what a viewer connection keeps', () => {
  const opened = closedAfterEach();

  for (const transport of ['websocket', 'polling'] as const) {
    test(`over ${transport}: every handshake header, the session in socket.data, and no opening request`, async () => {
      const server = opened(await startServer());
      const joined = new Promise<ResultsSocket>((resolve) => server.app.io.on('connection', resolve));
      const viewer = connect(server.url, {
        transports: [transport],
        forceNew: true,
        reconnection: false,
        extraHeaders: { 'user-agent': 'newsroom-screen/1.0', 'accept-language': 'en-GB', cookie: 'theme=dark; election_session=abc123' },
      });
      try {
        const socket = await joined;
        expect(socket.handshake.headers['user-agent']).toBe('newsroom-screen/1.0');
        expect(socket.handshake.headers['accept-language']).toBe('en-GB');
        expect(socket.handshake.headers.host).toBe(`127.0.0.1:${server.port}`);
        expect(socket.handshake.query.EIO).toBe('4');
        expect(socket.data.sessionId).toBe('abc123');
        // Dropped, loudly: reading a header from it throws rather than answering undefined.
        await new Promise((resolve) => setImmediate(resolve));
        expect(socket.request).toBeNull();
        expect(() => socket.request.headers).toThrow(TypeError);
      } finally {
        viewer.close();
      }
    });
  }
});
