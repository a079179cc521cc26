/**
 * Start-up faults an operator can fix (a bad environment variable, a
 * database another server holds, a file it may not write) end the process
 * with one line that says what to do, and exit code 1: no stack trace.
 */
import { DatabaseNotWritable } from '../db/connection.ts';
import { DatabaseInUseError } from '../db/writer-lock.ts';

/** Errors whose message is written for the operator. */
const EXPLAINED = [DatabaseInUseError, DatabaseNotWritable];

export function startOrExplain<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    const explained =
      EXPLAINED.some((kind) => error instanceof kind) || (error instanceof Error && /^Bad (environment|settings):/.test(error.message));
    console.error(
      explained ? (error as Error).message : `The server could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
