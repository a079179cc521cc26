/**
 * Where a fault the server caught is reported: a socket handler that threw,
 * a timer's work that failed, a promise nobody awaited. One place, so every
 * owner of a callback reports the same way and the tests can count them.
 * Faults are the server's own bugs or a dependency's outage, never bad input:
 * bad input is answered with a 4xx and is not logged as a fault.
 */
export type FaultReporter = (where: string, error: unknown) => void;

let reporter: FaultReporter = (where, error) => {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`fault in ${where}: ${message}`);
};
let count = 0;

/** The process's logger, set once by the composition root. */
export function setFaultReporter(next: FaultReporter): void {
  reporter = next;
}

export function reportFault(where: string, error: unknown): void {
  count++;
  try {
    reporter(where, error);
  } catch {
    // A failing logger must not turn a caught fault into an uncaught one.
  }
}

/** How many faults this process has reported (for tests and /healthz). */
export const faultsReported = () => count;

/** Runs work that no caller waits for (a timer, an event), reporting instead of throwing. */
export function owned(where: string, work: () => unknown): void {
  try {
    const result = work();
    if (result instanceof Promise) result.catch((error: unknown) => reportFault(where, error));
  } catch (error) {
    reportFault(where, error);
  }
}
