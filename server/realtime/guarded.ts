/**
 * Every socket handler runs through here. socket.io calls a listener from
 * inside its packet parsing: a throw there would escape to the process and
 * end it for every viewer. A handler that fails is reported as a fault and
 * its caller, if it asked for an answer, is told nothing changed.
 */
import { reportFault } from '../process/faults.ts';

const FAILED = { ok: false, error: 'server: that could not be done; nothing changed' } as const;

export function guarded<S, A extends unknown[]>(event: string, handler: (this: S, ...args: A) => unknown): (this: S, ...args: A) => void {
  return function (this: S, ...args: A) {
    const fail = (error: unknown) => {
      reportFault(`socket event ${event}`, error);
      const ack = args.at(-1);
      if (typeof ack === 'function') {
        try {
          ack(FAILED);
        } catch {
          // The connection is gone; nothing to tell.
        }
      }
    };
    try {
      const result = handler.apply(this, args);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/** The acknowledgement a caller passed, or one that goes nowhere when it did not ask for an answer. */
export function replyTo<F extends (...args: never[]) => void>(ack: F | undefined): F {
  return typeof ack === 'function' ? ack : (ignoreReply as F);
}

function ignoreReply(): void {}
