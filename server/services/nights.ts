/**
 * The cache of nights: each election's seats, seat states and House figures,
 * read from the database once and then kept current by the write commands.
 * The parties and party continuity every night reads are held here too.
 */
import { createHouseTally, type HouseTally } from '../../shared/domain/house-tally.ts';
import { declaredSeat } from '../../shared/domain/party-table.ts';
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { Election, ElectionState, Party, PartyContinuity, Seat, ScreenSettings, SeatState } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import { RefusedError } from './errors.ts';
import { seatStateFrom } from './seat-state-from-row.ts';

export interface Night {
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

export type Nights = ReturnType<typeof createNights>;

export function createNights(db: Db) {
  const nights = new Map<string, Night>();
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
    const tally = createHouseTally(
      [...seatStates.values()].map((s) => [s.code, declaredSeat(seats.get(s.code)!.baseline, s)]),
      election.totalSeats,
      continuity,
    );
    return { election, seats, seatStates, house: tally.summary(), tally, seq: lastSeq, screen: baselines.readScreen(db, electionId) };
  }

  return {
    /** The night of an election, loaded on first asking; 404 for an election that does not exist. */
    get(electionId: string): Night {
      let found = nights.get(electionId);
      if (!found) {
        found = loadNight(electionId);
        nights.set(electionId, found);
      }
      return found;
    },

    summarise,

    continuity: () => continuity,

    parties: () => parties,

    /** Forget cached nights and reread parties and continuity, e.g. after an import. */
    reload() {
      nights.clear();
      continuity = baselines.readContinuity(db);
      parties = baselines.listParties(db);
    },
  };
}

/** A seat of the night as it is now; 404 naming the seat when the election has no such seat. */
export function seatOf(night: Night, seatCode: string): SeatState {
  const state = night.seatStates.get(seatCode);
  if (!state) {
    throw new RefusedError(404, `seat: no seat ${seatCode} in ${night.election.id}`, [
      { path: 'seat', message: `no seat ${seatCode} in ${night.election.id}` },
    ]);
  }
  return state;
}
