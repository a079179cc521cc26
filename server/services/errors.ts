/** Errors a use case refuses with, carrying the HTTP status they map to. */
import type { FieldProblem } from '../../shared/protocol/http-replies.ts';
import type { SeatState } from '../../shared/protocol/schemas.ts';

export class RefusedError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 | 503,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** For a 409: the seat as it is now, so the editor sees what changed meanwhile. */
    readonly seat?: SeatState,
  ) {
    super(message);
  }

  /** A 400 whose message names each field and what was wrong with it, as the problems do one by one. */
  static forProblems(problems: FieldProblem[]): RefusedError {
    return new RefusedError(400, problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
}
