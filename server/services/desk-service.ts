/**
 * The editors' desk over the election service: where the election requires
 * a second editor, declarations and corrections are held as pending entries
 * (their own rows, no public sequence number, never in public state) until a
 * different editor re-types the figures and they match. Recounts and
 * withdrawals take results off the screens, so they go straight through.
 */
import type { ConfirmInput, DeskInfo, PendingEntry } from '../../shared/protocol/accounts.ts';
import type { CorrectionInput, DeclarationInput, ElectionUpdate, SeatActionInput } from '../../shared/protocol/schemas.ts';
import type { Actor } from '../accounts/accounts-service.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as pendingRepo from '../db/pending-repo.ts';
import type { ElectionService } from './election-service.ts';
import { RefusedError } from './errors.ts';
import { figureMismatches } from './figure-mismatches.ts';

export type DeskReply = { published: ElectionUpdate } | { held: PendingEntry };

export interface DeskDeps {
  db: Db;
  elections: ElectionService;
  now?: () => Date;
  /** Editors only: the entries awaiting confirmation changed. */
  onPending?: (electionId: string, pending: PendingEntry[]) => void;
}

export type DeskService = ReturnType<typeof createDeskService>;

export function createDeskService({ db, elections, now = () => new Date(), onPending = () => {} }: DeskDeps) {
  const at = () => now().toISOString();

  function entryFrom(row: pendingRepo.PendingRow): PendingEntry {
    return {
      id: row.id,
      seat: row.seat_code,
      name: elections.seat(row.election_id, row.seat_code).name,
      kind: row.kind,
      basedOnVersion: row.based_on_version,
      declaration: JSON.parse(row.declaration_json),
      reason: row.reason,
      enteredBy: row.entered_by,
      enteredAt: row.entered_at,
    };
  }

  const pending = (electionId: string) => pendingRepo.openEntries(db, electionId).map(entryFrom);
  const changed = (electionId: string) => onPending(electionId, pending(electionId));

  function requiresConfirmation(electionId: string): boolean {
    elections.head(electionId); // 404 for an unknown election
    return baselines.readRequireConfirmation(db, electionId);
  }

  function hold(
    electionId: string,
    seatCode: string,
    kind: 'declared' | 'corrected',
    input: DeclarationInput | CorrectionInput,
    by: Actor,
  ): DeskReply {
    // Two people must type the figures: an entry from no one could only ever be confirmed by one.
    if (by.person === null) {
      throw new RefusedError(
        403,
        `authorization: ${electionId} needs a second editor, so entries come from named people; ` +
          `${by.username} acts for no one (use a session, or a token an admin made for you)`,
      );
    }
    const current = elections.vet(electionId, kind, seatCode, input);
    const { seat: _seat, reason, basedOnVersion: _basedOn, ...declaration } = input as DeclarationInput & Partial<CorrectionInput>;
    const row = pendingRepo.holdEntry(db, {
      election_id: electionId,
      seat_code: seatCode,
      kind,
      based_on_version: current.version,
      declaration_json: JSON.stringify(declaration),
      reason: reason ?? null,
      entered_by: by.username,
      entered_by_person: by.person,
      entered_at: at(),
    });
    changed(electionId);
    return { held: entryFrom(row) };
  }

  /** A direct change overtakes whatever was waiting on the seat. */
  function overtaken(electionId: string, seatCode: string, by: Actor) {
    if (pendingRepo.supersedeSeat(db, electionId, seatCode, by.username, at()) > 0) changed(electionId);
  }

  return {
    requiresConfirmation,
    pending,

    info(electionId: string): DeskInfo {
      return { requireConfirmation: requiresConfirmation(electionId), continuity: elections.continuity(), pending: pending(electionId) };
    },

    setRequireConfirmation(electionId: string, on: boolean) {
      requiresConfirmation(electionId);
      baselines.writeRequireConfirmation(db, electionId, on);
      return { requireConfirmation: on };
    },

    declare(electionId: string, input: DeclarationInput, by: Actor): DeskReply {
      if (requiresConfirmation(electionId)) return hold(electionId, input.seat, 'declared', input, by);
      const published = elections.declare(electionId, input, by.username);
      overtaken(electionId, input.seat, by);
      return { published };
    },

    correct(electionId: string, seatCode: string, input: CorrectionInput, by: Actor): DeskReply {
      if (requiresConfirmation(electionId)) return hold(electionId, seatCode, 'corrected', input, by);
      const published = elections.correct(electionId, seatCode, input, by.username);
      overtaken(electionId, seatCode, by);
      return { published };
    },

    recount(electionId: string, seatCode: string, input: SeatActionInput, by: Actor): ElectionUpdate {
      const update = elections.recount(electionId, seatCode, input, by.username);
      overtaken(electionId, seatCode, by);
      return update;
    },

    withdraw(electionId: string, seatCode: string, input: SeatActionInput, by: Actor): ElectionUpdate {
      const update = elections.withdraw(electionId, seatCode, input, by.username);
      overtaken(electionId, seatCode, by);
      return update;
    },

    /** A second editor re-types the figures; a match publishes the entry under the first editor's name. */
    confirm(electionId: string, id: number, typed: ConfirmInput, by: Actor): ElectionUpdate {
      elections.head(electionId);
      const row = pendingRepo.findEntry(db, electionId, id);
      if (!row) throw new RefusedError(404, `entry: no entry ${id} awaiting confirmation in ${electionId}`);
      if (row.status !== 'pending') {
        throw new RefusedError(409, `entry: ${id} is already ${row.status}${row.resolved_by ? ` (by ${row.resolved_by})` : ''}`);
      }
      // A second editor is a second person: two tokens, or a token and its own user, are one.
      if (by.person === null) {
        throw new RefusedError(
          403,
          `entry: a second editor must be a named person, and ${by.username} acts for no one; confirm signed in, ` +
            `or with a token an admin made for you`,
        );
      }
      // Entries held before tokens had people carry none: then the name they were entered under counts.
      const enteredBy = (row.entered_by_person ?? row.entered_by).toLowerCase();
      if (row.entered_by.toLowerCase() === by.username.toLowerCase() || enteredBy === by.person.toLowerCase()) {
        throw new RefusedError(403, 'entry: a different editor must confirm it; you entered it');
      }
      const current = elections.seat(electionId, row.seat_code);
      if (current.version !== row.based_on_version) {
        pendingRepo.resolveEntry(db, id, { status: 'superseded', by: by.username, at: at(), seq: null });
        changed(electionId);
        throw new RefusedError(
          409,
          `${current.name} changed after this entry was made (version ${row.based_on_version}, now ${current.version}): enter it again`,
          [],
          current,
        );
      }
      const declaration = JSON.parse(row.declaration_json) as Omit<DeclarationInput, 'seat'>;
      const mismatches = figureMismatches(declaration, typed);
      if (mismatches.length > 0) {
        throw new RefusedError(
          400,
          `${mismatches.length === 1 ? 'one figure differs' : `${mismatches.length} figures differ`} from the first entry; ` +
            `check the source with ${row.entered_by}`,
          mismatches,
        );
      }
      const update =
        row.kind === 'declared'
          ? elections.declare(electionId, { ...declaration, seat: row.seat_code }, row.entered_by, by.username)
          : elections.correct(
              electionId,
              row.seat_code,
              { ...declaration, reason: row.reason ?? 'corrected', basedOnVersion: row.based_on_version || undefined },
              row.entered_by,
              by.username,
            );
      pendingRepo.resolveEntry(db, id, { status: 'confirmed', by: by.username, at: at(), seq: update.seq });
      changed(electionId);
      return update;
    },
  };
}
