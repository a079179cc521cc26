/**
 * The use cases of the night: declare, correct, call a recount, withdraw.
 * Each checks the input against the rules, appends one version in one
 * transaction, updates the in-memory state and hands the numbered update on.
 */
import { declarationProblems } from '../../shared/domain/declaration.ts';
import { exitPollProblems, nightHeadline } from '../../shared/domain/exit-poll.ts';
import { changeLine } from '../../shared/domain/lines.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { knownPartyCodes, reallyNewParties, unknownPartyProblems } from '../../shared/domain/party-codes.ts';
import { createHouseTally, type HouseTally } from '../../shared/domain/house-tally.ts';
import { declaredSeat } from '../../shared/domain/party-table.ts';
import { compactSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type {
  CorrectionInput,
  DeclarationInput,
  Election,
  ElectionState,
  ExitPoll,
  ExitPollInput,
  ExpectedTimesInput,
  SeatsToWatchInput,
  SeatsToWatchVersion,
  ElectionMode,
  ElectionUpdate,
  Feed,
  RushInput,
  Party,
  PartyContinuity,
  Seat,
  ScreenSettings,
  SeatActionInput,
  SeatState,
  VersionKind,
} from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import * as nightInputs from '../db/night-inputs-repo.ts';
import * as referenceRepo from '../db/reference-repo.ts';
import type { RecordedChange } from '../webhooks/outbox.ts';
import { RefusedError } from './errors.ts';
import { nightReference } from './night-reference.ts';
import { seatStateFrom } from './seat-state.ts';

interface Night {
  election: Election;
  seats: Map<string, Seat>;
  seatStates: Map<string, SeatState>;
  house: ElectionState['house'];
  /** The House's running totals, seat by seat (ADR 0024). */
  tally: HouseTally;
  seq: number;
  /** What the big screens run: read once, changed only through configureScreen. */
  screen: ScreenSettings;
  /** Built on first asking; a reload (after an import) forgets it with the night. */
  reference?: NightReference;
  /** Party codes the night knows (parties, continuity, baselines, candidate lists, published results): built on first asking. */
  known?: Set<string>;
}

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

/** What every screen follows at once: the mode, the big-screen settings, and the exit poll when it changed. */
export interface SettingsChange {
  election: Election;
  screen: ScreenSettings;
  exitPoll?: ExitPoll | null;
}

export function createElectionService({
  db,
  now = () => new Date(),
  onUpdate = () => {},
  onSettings = () => {},
  onReferenceChanged = () => {},
  onRecord = () => {},
}: ElectionServiceDeps) {
  const nights = new Map<string, Night>();
  /** Updates held while inOneTransaction runs: sent after its commit, never before. */
  let held: ElectionUpdate[] | null = null;
  let continuity: PartyContinuity = baselines.readContinuity(db);
  let parties: Party[] = baselines.listParties(db);

  /** The House figures with one seat's new state in place (before it is committed); answers them and an undo. */
  function summarise(night: Night, replacing: SeatState) {
    const undo = night.tally.replace(replacing.code, declaredSeat(night.seats.get(replacing.code)!.baseline, replacing));
    return { house: night.tally.summary(), undo };
  }

  function loadNight(electionId: string): Night {
    const found = baselines.findElection(db, electionId);
    if (!found) throw new RefusedError(404, `election: no election "${electionId}"`);
    const { lastSeq, ...election } = found;
    const seats = new Map(baselines.seatsOf(db, electionId).map((s) => [s.code, s]));
    const latest = new Map(declarations.latestVersions(db, electionId).map((v) => [v.seat_code, v]));
    const seatStates = new Map(
      [...seats.values()].map((seat) => [seat.code, seatStateFrom(seat, latest.get(seat.code) ?? null, continuity)]),
    );
    const tally = createHouseTally([...seatStates.values()].map((s) => [s.code, declaredSeat(seats.get(s.code)!.baseline, s)]), election.totalSeats, continuity);
    return { election, seats, seatStates, house: tally.summary(), tally, seq: lastSeq, screen: baselines.readScreen(db, electionId) };
  }

  function night(electionId: string): Night {
    let found = nights.get(electionId);
    if (!found) {
      found = loadNight(electionId);
      nights.set(electionId, found);
    }
    return found;
  }

  function seatOf(n: Night, seatCode: string): SeatState {
    const state = n.seatStates.get(seatCode);
    if (!state) {
      throw new RefusedError(404, `seat: no seat ${seatCode} in ${n.election.id}`, [
        { path: 'seat', message: `no seat ${seatCode} in ${n.election.id}` },
      ]);
    }
    return state;
  }

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
      throw new RefusedError(400, problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
    }
  }

  function knownParties(n: Night): Set<string> {
    n.known ??= knownPartyCodes({
      parties,
      continuity,
      seats: [...n.seats.values()],
      candidateLists: Object.fromEntries(referenceRepo.candidatesOf(db, n.election.id)),
      published: [...n.seatStates.values()].flatMap((s) => s.declaration?.candidates.map((c) => c.party) ?? []),
    });
    return n.known;
  }

  /** An unknown party code is a typo until the entry says it is a new party on purpose. */
  function checkParties(n: Night, input: Pick<DeclarationInput, 'candidates' | 'newParties'>) {
    const problems = unknownPartyProblems(input.candidates, knownParties(n), parties, input.newParties);
    if (problems.length > 0) {
      throw new RefusedError(400, problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
    }
  }

  /** The declaration as stored: newParties keeps only the codes that were in fact new. */
  function asStored<T extends Omit<DeclarationInput, 'seat'>>(n: Night, declaration: T): T {
    const { newParties, ...rest } = declaration;
    const fresh = reallyNewParties(newParties, knownParties(n));
    return (fresh.length > 0 ? { ...rest, newParties: fresh } : rest) as T;
  }

  function append(
    n: Night,
    seatCode: string,
    kind: VersionKind,
    declaration: Omit<DeclarationInput, 'seat'> | RushInput | null,
    reason: string | null,
    enteredBy: string,
    confirmedBy: string | null = null,
  ): ElectionUpdate {
    const before = n.seatStates.get(seatCode)!;
    let seat: SeatState = before;
    let house = n.house;
    let undo = () => {};
    // One transaction: the version, and what onRecord writes with it (the webhooks' outbox), or neither.
    const write = db.transaction(() => {
      const stored = declarations.appendVersion(
        db,
        { electionId: n.election.id, seatCode, kind, declaration, reason, enteredBy, confirmedBy, enteredAt: now().toISOString() },
        (stored) => {
          seat = seatStateFrom(n.seats.get(seatCode)!, stored, continuity);
          return changeLine(kind, before, seat);
        },
      );
      ({ house, undo } = summarise(n, seat));
      onRecord({ election: n.election, kind, before, after: seat, seq: stored.seq, at: stored.entered_at, line: stored.line, houseBefore: n.house, houseAfter: house });
      return stored;
    });
    let row: ReturnType<typeof write>;
    try {
      row = write.immediate();
    } catch (error) {
      undo();
      throw error;
    }
    n.seatStates.set(seatCode, seat);
    for (const c of (declaration && 'candidates' in declaration && declaration.candidates) || []) n.known?.add(c.party);
    n.seq = row.seq;
    n.house = house;
    const update: ElectionUpdate = {
      election: n.election.id,
      seq: row.seq,
      change: kind,
      seat,
      house: n.house,
      line: row.line,
      at: row.entered_at,
    };
    if (held) held.push(update);
    else onUpdate(update);
    return update;
  }

  /** The checks a declaration or correction passes before it is written; entries held for confirmation pass them too. */
  function vet(n: Night, kind: 'declared' | 'corrected', seatCode: string, input: CorrectionInput | DeclarationInput): SeatState {
    const current = seatOf(n, seatCode);
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
    checkParties(n, input);
    return current;
  }

  function state(electionId: string): ElectionState {
    const n = night(electionId);
    return {
      election: n.election,
      seats: [...n.seats.values()],
      seatStates: [...n.seatStates.values()],
      parties,
      house: n.house,
      seq: n.seq,
      generatedAt: now().toISOString(),
      screen: n.screen,
      exitPoll: latestExitPoll(electionId),
      expectedTimes: expectedTimes(electionId),
      ...flaggedSeats(electionId),
    };
  }

  /** The seats editors flagged to watch, from the latest list saved; nothing where none ever was. */
  function flaggedSeats(electionId: string): { flaggedSeats?: string[] } {
    const latest = nightInputs.latestInput(db, electionId, 'seats-to-watch');
    return latest ? { flaggedSeats: (latest.body as SeatsToWatchInput).seats } : {};
  }

  const asSeatsToWatch = (v: nightInputs.NightInputVersion): SeatsToWatchVersion => ({
    ...(v.body as SeatsToWatchInput),
    version: v.version,
    enteredBy: v.enteredBy,
    enteredAt: v.enteredAt,
  });
  const asExitPoll = (v: nightInputs.NightInputVersion): ExitPoll => ({ ...(v.body as ExitPollInput), version: v.version, enteredBy: v.enteredBy, enteredAt: v.enteredAt });
  function latestExitPoll(electionId: string): ExitPoll | null {
    const latest = nightInputs.latestInput(db, electionId, 'exit-poll');
    return latest && asExitPoll(latest);
  }

  /** Each seat's expected declaration time, from the latest schedule imported. */
  function expectedTimes(electionId: string): Record<string, string> {
    const latest = nightInputs.latestInput(db, electionId, 'expected-times');
    return Object.fromEntries(((latest?.body as ExpectedTimesInput | undefined)?.times ?? []).map((t) => [t.seat, t.expectedAt]));
  }

  function reference(electionId: string): NightReference {
    const n = night(electionId);
    n.reference ??= nightReference({
      seats: [...n.seats.values()],
      parties,
      continuity,
      candidates: Object.fromEntries(referenceRepo.candidatesOf(db, electionId)),
      expectedTimes: expectedTimes(electionId),
      ...flaggedSeats(electionId),
    });
    return n.reference;
  }

  return {
    listElections() {
      return baselines.listElections(db).map(({ lastSeq, ...election }) => {
        const n = night(election.id);
        return { ...election, seatCount: n.seats.size, declared: n.house.declared, seq: lastSeq };
      });
    },

    state,

    /** Seats, parties, continuity and candidate lists: what a screen fetches once (GET .../reference). */
    reference,

    /** The state as a new viewer receives it over the socket (shared/protocol/compact-snapshot.ts). */
    snapshot(electionId: string): CompactSnapshot {
      return compactSnapshot(state(electionId), reference(electionId));
    },

    /** What a cache needs to know whether anything public changed: the last sequence number, the mode, the reference, the screen and the exit poll. */
    head(electionId: string) {
      const n = night(electionId);
      const exitPoll = latestExitPoll(electionId);
      return {
        seq: n.seq,
        mode: n.election.mode,
        name: n.election.name,
        referenceVersion: reference(electionId).referenceVersion,
        screen: n.screen,
        exitPoll,
        // A mayoral count's headline is the race: "Khan leads by 275,828 with all 14 areas declared".
        headline: n.election.count
          ? mayoralRace({ count: n.election.count, seatStates: [...n.seatStates.values()], continuity }).line
          : nightHeadline(n.house, exitPoll).text,
      };
    },

    hexMap(electionId: string) {
      night(electionId);
      return referenceRepo.hexMapOf(db, electionId);
    },

    candidates(electionId: string) {
      night(electionId);
      return Object.fromEntries(referenceRepo.candidatesOf(db, electionId));
    },

    /** Every change after a sequence number, as the live blog reads it. */
    feed(electionId: string, since: number): Feed {
      const n = night(electionId);
      const entries = declarations.versionsSince(db, electionId, since).map((row) => {
        const seat = n.seats.get(row.seat_code)!;
        return {
          seq: row.seq,
          seat: row.seat_code,
          name: seat.name,
          change: row.kind,
          version: row.version,
          line: row.line,
          reason: row.reason,
          at: row.entered_at,
          outcome: seatStateFrom(seat, row, continuity).outcome,
        };
      });
      return { election: n.election.id, name: n.election.name, mode: n.election.mode, seq: n.seq, headline: nightHeadline(n.house, latestExitPoll(electionId)).text, entries };
    },

    configureScreen(electionId: string, screen: ScreenSettings) {
      const n = night(electionId);
      baselines.writeScreen(db, electionId, screen);
      n.screen = screen;
      onSettings({ election: n.election, screen });
      return screen;
    },

    /** The broadcasters' exit poll, as an editor typed it: a new version each time, every screen follows. */
    recordExitPoll(electionId: string, input: ExitPollInput, enteredBy: string): ExitPoll {
      const n = night(electionId);
      const problems = exitPollProblems(input, n.election.totalSeats);
      if (problems.length > 0) throw new RefusedError(400, problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
      const exitPoll = asExitPoll(nightInputs.appendInput(db, electionId, 'exit-poll', input, enteredBy, now().toISOString()));
      onSettings({ election: n.election, screen: n.screen, exitPoll });
      return exitPoll;
    },

    exitPoll(electionId: string): ExitPoll | null {
      night(electionId);
      return latestExitPoll(electionId);
    },

    exitPollVersions(electionId: string): ExitPoll[] {
      night(electionId);
      return nightInputs.inputVersions(db, electionId, 'exit-poll').map(asExitPoll);
    },

    /**
     * When each seat is expected to declare (a newsroom's CSV, or the replay's own schedule): a new
     * version each time. It is part of the reference, so every screen is sent the state again.
     */
    recordExpectedTimes(electionId: string, input: ExpectedTimesInput, enteredBy: string) {
      const n = night(electionId);
      const unknown = input.times.flatMap((t, i) => (n.seats.has(t.seat) ? [] : [{ path: `times[${i}].seat`, message: `no seat ${t.seat} in ${electionId}` }]));
      if (unknown.length > 0) throw new RefusedError(400, unknown.map((p) => `${p.path}: ${p.message}`).join('; '), unknown);
      const saved = nightInputs.appendInput(db, electionId, 'expected-times', input, enteredBy, now().toISOString());
      n.reference = undefined;
      onReferenceChanged(electionId);
      return { version: saved.version, seats: input.times.length };
    },

    /**
     * The seats editors flag to watch: the whole list, a new version each time. It is part of the
     * reference, like the expected times, so every screen is sent the state again.
     */
    recordSeatsToWatch(electionId: string, input: SeatsToWatchInput, enteredBy: string): SeatsToWatchVersion {
      const n = night(electionId);
      const unknown = input.seats.flatMap((seat, i) => (n.seats.has(seat) ? [] : [{ path: `seats[${i}]`, message: `no seat ${seat} in ${electionId}` }]));
      if (unknown.length > 0) throw new RefusedError(400, unknown.map((p) => `${p.path}: ${p.message}`).join('; '), unknown);
      const saved = nightInputs.appendInput(db, electionId, 'seats-to-watch', input, enteredBy, now().toISOString());
      n.reference = undefined;
      onReferenceChanged(electionId);
      return asSeatsToWatch(saved);
    },

    seatsToWatchVersions(electionId: string): SeatsToWatchVersion[] {
      night(electionId);
      return nightInputs.inputVersions(db, electionId, 'seats-to-watch').map(asSeatsToWatch);
    },

    /** Rehearsal and test modes put a banner on every screen, embed and feed. */
    setMode(electionId: string, mode: ElectionMode) {
      const n = night(electionId);
      baselines.writeMode(db, electionId, mode);
      n.election = { ...n.election, mode };
      onSettings({ election: n.election, screen: n.screen });
      return n.election;
    },

    /** A first declaration, or the result after a recount or a withdrawal. */
    declare(electionId: string, input: DeclarationInput, enteredBy: string, confirmedBy: string | null = null): ElectionUpdate {
      const n = night(electionId);
      vet(n, 'declared', input.seat, input);
      const { seat, ...declaration } = input;
      return append(n, seat, 'declared', asStored(n, declaration), null, enteredBy, confirmedBy);
    },

    /** A rush (ADR 0024): the winner before the figures, on every screen at once; a seat with a result is not rushed. */
    rush(electionId: string, seatCode: string, input: RushInput, enteredBy: string): ElectionUpdate {
      const n = night(electionId);
      const current = seatOf(n, seatCode);
      if (current.status === 'declared') throw new RefusedError(409, `${current.name} is already declared (version ${current.version}): a rush comes before the result`, [], current);
      return append(n, seatCode, 'rushed', input, null, enteredBy);
    },

    /** The candidate lists changed (PA's nominations): every screen is sent the state again. */
    candidatesChanged(electionId: string) {
      const n = night(electionId);
      n.reference = undefined;
      n.known = undefined;
      onReferenceChanged(electionId);
    },

    correct(
      electionId: string,
      seatCode: string,
      input: CorrectionInput,
      enteredBy: string,
      confirmedBy: string | null = null,
    ): ElectionUpdate {
      const n = night(electionId);
      vet(n, 'corrected', seatCode, input);
      const { reason, basedOnVersion: _basedOn, ...declaration } = input;
      return append(n, seatCode, 'corrected', asStored(n, declaration), reason, enteredBy, confirmedBy);
    },

    /** Runs a declaration's or correction's checks without writing; answers the seat as it is now. */
    vet(electionId: string, kind: 'declared' | 'corrected', seatCode: string, input: CorrectionInput | DeclarationInput) {
      return vet(night(electionId), kind, seatCode, input);
    },

    seat(electionId: string, seatCode: string): SeatState {
      return seatOf(night(electionId), seatCode);
    },

    continuity: () => continuity,

    parties: () => parties,

    /** The House figures now (party table, declared, majority line). */
    house: (electionId: string) => night(electionId).house,

    recount(electionId: string, seatCode: string, input: SeatActionInput, enteredBy: string): ElectionUpdate {
      const n = night(electionId);
      const current = seatOf(n, seatCode);
      checkBasedOn(current, input.basedOnVersion);
      if (current.status === 'recount') {
        throw new RefusedError(409, `${current.name} is already in recount`, [], current);
      }
      return append(n, seatCode, 'recount', null, input.reason, enteredBy);
    },

    withdraw(electionId: string, seatCode: string, input: SeatActionInput, enteredBy: string): ElectionUpdate {
      const n = night(electionId);
      const current = seatOf(n, seatCode);
      checkBasedOn(current, input.basedOnVersion);
      if (current.status === 'undeclared') {
        throw new RefusedError(409, `${current.name} has nothing to withdraw (it is undeclared)`, [], current);
      }
      return append(n, seatCode, 'withdrawn', null, input.reason, enteredBy);
    },

    versions(electionId: string, seatCode: string) {
      const n = night(electionId);
      seatOf(n, seatCode);
      return declarations.versionsOfSeat(db, electionId, seatCode).map((v) => ({
        version: v.version,
        kind: v.kind,
        declaration: v.declaration_json ? JSON.parse(v.declaration_json) : null,
        reason: v.reason,
        enteredAt: v.entered_at,
        seq: v.seq,
      }));
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
        nights.clear();
        throw error;
      }
      const updates = held;
      held = null;
      for (const update of updates) onUpdate(update);
      return result;
    },

    /** Forget cached nights and reread parties and continuity, e.g. after an import. */
    reload() {
      nights.clear();
      continuity = baselines.readContinuity(db);
      parties = baselines.listParties(db);
    },
  };
}
