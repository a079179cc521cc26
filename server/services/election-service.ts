/**
 * The election service: one night's cache (nights.ts) behind the reads
 * (election-reads.ts), the write commands (election-writes.ts: declare,
 * correct, call a recount, withdraw) and the night's settings
 * (night-settings.ts: mode, screens, exit poll, seats to watch, expected times).
 */
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';
import type { Db } from '../db/connection.ts';
import type { RecordedChange } from '../webhooks/outbox.ts';
import { createElectionReads } from './election-reads.ts';
import { createElectionWrites } from './election-writes.ts';
import { createNightSettings, type SettingsChange } from './night-settings.ts';
import { createNights } from './nights.ts';

export type { SettingsChange } from './night-settings.ts';

export interface ElectionServiceDeps {
  db: Db;
  now?: () => Date;
  onUpdate?: (update: ElectionUpdate) => void;
  onSettings?: (settings: SettingsChange) => void;
  /** The reference changed (the expected times): every screen watching must be sent the state again. */
  onReferenceChanged?: (electionId: string) => void;
  /** Inside each change's transaction, before it commits: what it writes commits with the change (the webhooks' outbox). */
  onRecord?: (change: RecordedChange) => void;
}

export type ElectionService = ReturnType<typeof createElectionService>;

export function createElectionService({
  db,
  now = () => new Date(),
  onUpdate = () => {},
  onSettings = () => {},
  onReferenceChanged = () => {},
  onRecord = () => {},
}: ElectionServiceDeps) {
  const nights = createNights(db);
  return {
    ...createElectionReads({ db, nights, now }),
    ...createNightSettings({ db, nights, now, onSettings, onReferenceChanged }),
    ...createElectionWrites({ db, nights, now, onUpdate, onRecord }),

    /** Forget cached nights and reread parties and continuity, e.g. after an import. */
    reload: nights.reload,
  };
}
