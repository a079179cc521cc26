/**
 * What the HTTP API answers, as the socket events are described in
 * events.ts: the server's routes are typed from these, a test reads the
 * real replies with them, and the client's one fetch module
 * (client/src/lib/http.ts) reads a reply into what it means.
 * The browser imports only their types: zod stays out of every page's bundle.
 */
import { z } from 'zod';
import { PendingEntry } from './accounts.ts';
import { Election, SeatState } from './schemas.ts';

/** One thing wrong with a request, named by its field: `candidates[2].votes`, `seats`, or `body`. */
export const FieldProblem = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;

/** Every refusal (4xx and 5xx): what was wrong, each field at fault, and the seat where it changed meanwhile. */
export const RefusalBody = z.object({
  error: z.string(),
  problems: z.array(FieldProblem),
  /** On a 409 about a seat: the seat as it is now, so the editor sees what changed meanwhile. */
  seat: SeatState.optional(),
  /** On a 500: the id the server's log line carries, so a report can be matched to it. */
  requestId: z.string().optional(),
});
export type RefusalBody = z.infer<typeof RefusalBody>;

/** A result published (201 for a declaration, 200 for the rest): the seat as it now is and the change's number. */
export const PublishedReply = z.object({ seat: SeatState, seq: z.number().int().positive() });
export type PublishedReply = z.infer<typeof PublishedReply>;

/** 202: the entry waits for a second editor to re-type its figures. */
export const HeldReply = z.object({ pending: PendingEntry });
export type HeldReply = z.infer<typeof HeldReply>;

/** GET /api/elections: each election with how far through the night it is. */
export const ElectionListing = Election.extend({
  seatCount: z.number().int().nonnegative(),
  declared: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
});
export type ElectionListing = z.infer<typeof ElectionListing>;
