/** The night's inputs as the screens read them: the latest exit poll, seats to watch and expected times. */
import type { ExitPoll, ExitPollInput, ExpectedTimesInput, SeatsToWatchInput, SeatsToWatchVersion } from '../../shared/protocol/schemas.ts';
import type { Db } from '../db/connection.ts';
import * as nightInputs from '../db/night-inputs-repo.ts';

/** The seats editors flagged to watch, from the latest list saved; nothing where none ever was. */
export function flaggedSeats(db: Db, electionId: string): { flaggedSeats?: string[] } {
  const latest = nightInputs.latestInput(db, electionId, 'seats-to-watch');
  return latest ? { flaggedSeats: (latest.body as SeatsToWatchInput).seats } : {};
}

export const asSeatsToWatch = (v: nightInputs.NightInputVersion): SeatsToWatchVersion => ({
  ...(v.body as SeatsToWatchInput),
  version: v.version,
  enteredBy: v.enteredBy,
  enteredAt: v.enteredAt,
});
export const asExitPoll = (v: nightInputs.NightInputVersion): ExitPoll => ({
  ...(v.body as ExitPollInput),
  version: v.version,
  enteredBy: v.enteredBy,
  enteredAt: v.enteredAt,
});
export function latestExitPoll(db: Db, electionId: string): ExitPoll | null {
  const latest = nightInputs.latestInput(db, electionId, 'exit-poll');
  return latest && asExitPoll(latest);
}

/** Each seat's expected declaration time, from the latest schedule imported. */
export function expectedTimes(db: Db, electionId: string): Record<string, string> {
  const latest = nightInputs.latestInput(db, electionId, 'expected-times');
  return Object.fromEntries(((latest?.body as ExpectedTimesInput | undefined)?.times ?? []).map((t) => [t.seat, t.expectedAt]));
}
