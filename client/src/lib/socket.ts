/** The one socket.io connection (house style: the only io() call), typed from shared/protocol. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol/events.ts';

export type ElectionSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same origin; connects when the dashboard store starts it, not on import. */
export const socket: ElectionSocket = io({ autoConnect: false });

/** A connection of its own (not multiplexed): a screen that also shows another election watches it here (ADR 0025). */
export const separateSocket = (): ElectionSocket => io({ autoConnect: false, forceNew: true });
