/**
 * What the night's readers ask for: the list of elections, the state, the
 * reference, the socket snapshot, the head a cache checks, the hex map,
 * candidate lists, the live blog's feed and a seat's versions.
 */
import { nightHeadline } from '../../shared/domain/exit-poll.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { compactSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { ElectionState, Feed, SeatState } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import * as referenceRepo from '../db/reference-repo.ts';
import { nightReference } from './night-reference.ts';
import { expectedTimes, flaggedSeats, latestExitPoll } from './night-inputs.ts';
import { seatOf, type Nights } from './nights.ts';
import { seatStateFrom } from './seat-state.ts';

export function createElectionReads({ db, nights, now }: { db: Db; nights: Nights; now: () => Date }) {
  function state(electionId: string): ElectionState {
    const n = nights.get(electionId);
    return {
      election: n.election,
      seats: [...n.seats.values()],
      seatStates: [...n.seatStates.values()],
      parties: nights.parties(),
      house: n.house,
      seq: n.seq,
      generatedAt: now().toISOString(),
      screen: n.screen,
      exitPoll: latestExitPoll(db, electionId),
      expectedTimes: expectedTimes(db, electionId),
      ...flaggedSeats(db, electionId),
    };
  }

  function reference(electionId: string): NightReference {
    const n = nights.get(electionId);
    n.reference ??= nightReference({
      seats: [...n.seats.values()],
      parties: nights.parties(),
      continuity: nights.continuity(),
      candidates: Object.fromEntries(referenceRepo.candidatesOf(db, electionId)),
      expectedTimes: expectedTimes(db, electionId),
      ...flaggedSeats(db, electionId),
    });
    return n.reference;
  }

  return {
    listElections() {
      return baselines.listElections(db).map(({ lastSeq, ...election }) => {
        const n = nights.get(election.id);
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
      const n = nights.get(electionId);
      const exitPoll = latestExitPoll(db, electionId);
      return {
        seq: n.seq,
        mode: n.election.mode,
        name: n.election.name,
        referenceVersion: reference(electionId).referenceVersion,
        screen: n.screen,
        exitPoll,
        // A mayoral count's headline is the race: "Khan leads by 275,828 with all 14 areas declared".
        headline: n.election.count
          ? mayoralRace({ count: n.election.count, seatStates: [...n.seatStates.values()], continuity: nights.continuity() }).line
          : nightHeadline(n.house, exitPoll).text,
      };
    },

    hexMap(electionId: string) {
      nights.get(electionId);
      return referenceRepo.hexMapOf(db, electionId);
    },

    candidates(electionId: string) {
      nights.get(electionId);
      return Object.fromEntries(referenceRepo.candidatesOf(db, electionId));
    },

    /** Every change after a sequence number, as the live blog reads it. */
    feed(electionId: string, since: number): Feed {
      const n = nights.get(electionId);
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
          outcome: seatStateFrom(seat, row, nights.continuity()).outcome,
        };
      });
      return { election: n.election.id, name: n.election.name, mode: n.election.mode, seq: n.seq, headline: nightHeadline(n.house, latestExitPoll(db, electionId)).text, entries };
    },

    seat(electionId: string, seatCode: string): SeatState {
      return seatOf(nights.get(electionId), seatCode);
    },

    continuity: () => nights.continuity(),

    parties: () => nights.parties(),

    /** The House figures now (party table, declared, majority line). */
    house: (electionId: string) => nights.get(electionId).house,

    versions(electionId: string, seatCode: string) {
      const n = nights.get(electionId);
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
  };
}
