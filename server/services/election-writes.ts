/**
 * The write commands of the night: declare, correct, call a recount, withdraw.
 * Each checks the input against the rules, appends one version in one
 * transaction, updates the night held in memory and hands the numbered update on.
 */
import { declarationProblems } from '../../shared/domain/declaration.ts';
import { changeLine } from '../../shared/domain/lines.ts';
import { knownPartyCodes, reallyNewParties, unknownPartyProblems } from '../../shared/domain/party-codes.ts';
import type {
  CorrectionInput,
  DeclarationInput,
  ElectionUpdate,
  RushInput,
  SeatActionInput,
  SeatState,
  VersionKind,
} from '../../shared/protocol/schemas.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import * as referenceRepo from '../db/reference-repo.ts';
import type { RecordedChange } from '../webhooks/outbox.ts';
import { RefusedError } from './errors.ts';
import { seatOf, type Night, type Nights } from './nights.ts';
import { seatStateFrom } from './seat-state-from-row.ts';

export interface ElectionWritesDeps {
  db: Db;
  nights: Nights;
  now: () => Date;
  onUpdate: (update: ElectionUpdate) => void;
  onRecord: (change: RecordedChange) => void;
}

export function createElectionWrites({ db, nights, now, onUpdate, onRecord }: ElectionWritesDeps) {
  /** Updates held while inOneTransaction runs: sent after its commit, never before. */
  let held: ElectionUpdate[] | null = null;

  function checkBasedOn(current: SeatState, basedOnVersion: number | undefined) {
    if (basedOnVersion !== undefined && basedOnVersion !== current.version) {
      throw new RefusedError(
        409,
        `${current.name} has changed since version ${basedOnVersion}: it is now at version ${current.version}`,
        [],
        current,
      );
    }
  }

  function checkFigures(input: Pick<DeclarationInput, 'candidates' | 'validVotes' | 'winnerByLot' | 'secondRound'>) {
    const problems = declarationProblems(input);
    if (problems.length > 0) {
      throw RefusedError.forProblems(problems);
    }
  }

  function knownParties(night: Night): Set<string> {
    night.known ??= knownPartyCodes({
      parties: nights.parties(),
      continuity: nights.continuity(),
      seats: [...night.seats.values()],
      candidateLists: Object.fromEntries(referenceRepo.candidatesOf(db, night.election.id)),
      published: [...night.seatStates.values()].flatMap((s) => s.declaration?.candidates.map((c) => c.party) ?? []),
    });
    return night.known;
  }

  /** An unknown party code is a typo until the entry says it is a new party on purpose. */
  function checkParties(night: Night, input: Pick<DeclarationInput, 'candidates' | 'newParties'>) {
    const problems = unknownPartyProblems(input.candidates, knownParties(night), nights.parties(), input.newParties);
    if (problems.length > 0) {
      throw RefusedError.forProblems(problems);
    }
  }

  /** The declaration as stored: newParties keeps only the codes that were in fact new. */
  function asStored<T extends Omit<DeclarationInput, 'seat'>>(night: Night, declaration: T): T {
    const { newParties, ...rest } = declaration;
    const fresh = reallyNewParties(newParties, knownParties(night));
    return (fresh.length > 0 ? { ...rest, newParties: fresh } : rest) as T;
  }

  function append(
    night: Night,
    seatCode: string,
    kind: VersionKind,
    declaration: Omit<DeclarationInput, 'seat'> | RushInput | null,
    reason: string | null,
    enteredBy: string,
    confirmedBy: string | null = null,
  ): ElectionUpdate {
    const before = night.seatStates.get(seatCode)!;
    let seat: SeatState = before;
    let house = night.house;
    let undo = () => {};
    // One transaction: the version, and what onRecord writes with it (the webhooks' outbox), or neither.
    const write = db.transaction(() => {
      const stored = declarations.appendVersion(
        db,
        { electionId: night.election.id, seatCode, kind, declaration, reason, enteredBy, confirmedBy, enteredAt: now().toISOString() },
        (stored) => {
          seat = seatStateFrom(night.seats.get(seatCode)!, stored, nights.continuity());
          return changeLine(kind, before, seat);
        },
      );
      ({ house, undo } = nights.summarise(night, seat));
      onRecord({
        election: night.election,
        kind,
        before,
        after: seat,
        seq: stored.seq,
        at: stored.entered_at,
        line: stored.line,
        houseBefore: night.house,
        houseAfter: house,
      });
      return stored;
    });
    let row: ReturnType<typeof write>;
    try {
      row = write.immediate();
    } catch (error) {
      undo();
      throw error;
    }
    night.seatStates.set(seatCode, seat);
    for (const c of (declaration && 'candidates' in declaration && declaration.candidates) || []) night.known?.add(c.party);
    night.seq = row.seq;
    night.house = house;
    const update: ElectionUpdate = {
      election: night.election.id,
      seq: row.seq,
      change: kind,
      seat,
      house: night.house,
      line: row.line,
      at: row.entered_at,
    };
    if (held) held.push(update);
    else onUpdate(update);
    return update;
  }

  /** The checks a declaration or correction passes before it is written; entries held for confirmation pass them too. */
  function vet(night: Night, kind: 'declared' | 'corrected', seatCode: string, input: CorrectionInput | DeclarationInput): SeatState {
    const current = seatOf(night, seatCode);
    if (kind === 'declared' && current.status === 'declared') {
      throw new RefusedError(
        409,
        `${current.name} is already declared (version ${current.version}): send a correction instead`,
        [],
        current,
      );
    }
    if (kind === 'corrected') {
      checkBasedOn(current, (input as CorrectionInput).basedOnVersion);
      if (current.status !== 'declared') {
        throw new RefusedError(409, `${current.name} has no declaration to correct (it is ${current.status})`, [], current);
      }
    }
    checkFigures(input);
    checkParties(night, input);
    return current;
  }

  return {
    /** A first declaration, or the result after a recount or a withdrawal. */
    declare(electionId: string, input: DeclarationInput, enteredBy: string, confirmedBy: string | null = null): ElectionUpdate {
      const night = nights.get(electionId);
      vet(night, 'declared', input.seat, input);
      const { seat, ...declaration } = input;
      return append(night, seat, 'declared', asStored(night, declaration), null, enteredBy, confirmedBy);
    },

    /** A rush (ADR 0024): the winner before the figures, on every screen at once; a seat with a result is not rushed. */
    rush(electionId: string, seatCode: string, input: RushInput, enteredBy: string): ElectionUpdate {
      const night = nights.get(electionId);
      const current = seatOf(night, seatCode);
      if (current.status === 'declared')
        throw new RefusedError(
          409,
          `${current.name} is already declared (version ${current.version}): a rush comes before the result`,
          [],
          current,
        );
      return append(night, seatCode, 'rushed', input, null, enteredBy);
    },

    /**
     * Runs many changes in one SQLite transaction (one fsync: a burst of wire files), their updates
     * sent after it commits. If it fails, none of it is written and the nights are read again.
     */
    inOneTransaction<T>(work: () => T): T {
      if (held) return work();
      held = [];
      let result: T;
      try {
        result = db.transaction(work).immediate();
      } catch (error) {
        held = null;
        nights.reload();
        throw error;
      }
      const updates = held;
      held = null;
      for (const update of updates) onUpdate(update);
      return result;
    },

    correct(
      electionId: string,
      seatCode: string,
      input: CorrectionInput,
      enteredBy: string,
      confirmedBy: string | null = null,
    ): ElectionUpdate {
      const night = nights.get(electionId);
      vet(night, 'corrected', seatCode, input);
      const { reason, basedOnVersion: _basedOn, ...declaration } = input;
      return append(night, seatCode, 'corrected', asStored(night, declaration), reason, enteredBy, confirmedBy);
    },

    /** Runs a declaration's or correction's checks without writing; answers the seat as it is now. */
    vet(electionId: string, kind: 'declared' | 'corrected', seatCode: string, input: CorrectionInput | DeclarationInput) {
      return vet(nights.get(electionId), kind, seatCode, input);
    },

    recount(electionId: string, seatCode: string, input: SeatActionInput, enteredBy: string): ElectionUpdate {
      const night = nights.get(electionId);
      const current = seatOf(night, seatCode);
      checkBasedOn(current, input.basedOnVersion);
      if (current.status === 'recount') {
        throw new RefusedError(409, `${current.name} is already in recount`, [], current);
      }
      return append(night, seatCode, 'recount', null, input.reason, enteredBy);
    },

    withdraw(electionId: string, seatCode: string, input: SeatActionInput, enteredBy: string): ElectionUpdate {
      const night = nights.get(electionId);
      const current = seatOf(night, seatCode);
      checkBasedOn(current, input.basedOnVersion);
      if (current.status === 'undeclared') {
        throw new RefusedError(409, `${current.name} has nothing to withdraw (it is undeclared)`, [], current);
      }
      return append(night, seatCode, 'withdrawn', null, input.reason, enteredBy);
    },
  };
}
