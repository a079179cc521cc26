/**
 * The process's last resort. Everything the server starts has an owner
 * that catches (server/process/faults.ts); what still escapes is a bug.
 * - A rejected promise nobody handled: reported, and the night goes on.
 *   Nothing was left half-done by it (a rejection unwinds no synchronous
 *   work), and Node's default would end the process.
 * - An uncaught exception: the state is unknown, so the process reports it
 *   and exits with code 70 for its supervisor to restart it (systemd,
 *   Docker, a process manager), after at most `graceMs` to close cleanly.
 *   Acknowledged declarations are on disk already (synchronous=FULL).
 */
import { reportFault } from './faults.ts';

export const EXIT_UNKNOWN_STATE = 70;

export function installLastResort({ close, graceMs = 2000 }: { close?: () => Promise<unknown>; graceMs?: number } = {}): void {
  process.on('unhandledRejection', (reason) => reportFault('a promise nobody awaited', reason));
  let exiting = false;
  process.on('uncaughtException', (error) => {
    reportFault('the process (uncaught; exiting for the supervisor to restart)', error);
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(EXIT_UNKNOWN_STATE), graceMs).unref();
    void Promise.resolve(close?.())
      .catch(() => {})
      .finally(() => process.exit(EXIT_UNKNOWN_STATE));
  });
}
