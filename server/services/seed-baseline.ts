/** First start: the article baseline goes into an empty database; later starts leave editors' data alone. */
import type { BaselineFile } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';

export function seedBaseline(db: Db, file: BaselineFile): string[] {
  baselines.addMissingParties(db, file.parties);
  baselines.addMissingContinuity(db, file.continuity);
  const added: string[] = [];
  for (const { seats, ...election } of file.elections) {
    if (baselines.insertElectionIfMissing(db, election, seats)) added.push(election.id);
  }
  return added;
}
