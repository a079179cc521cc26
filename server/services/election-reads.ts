/**
 * What the night's readers ask for: the list of elections, the state, the
 * reference, the socket snapshot, the head a cache checks, the hex map,
 * candidate lists, the live blog's feed and a seat's versions.
 */
import { nightHeadline } from '../../shared/domain/exit-poll.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { compactSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { ElectionState, Feed, HexMap, SeatState } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import * as referenceRepo from '../db/reference-repo.ts';
import { nightReference } from './night-reference.ts';
import { expectedTimes, flaggedSeats, latestExitPoll } from './night-inputs.ts';
import { seatOf, type Nights } from './nights.ts';
import { seatStateFrom } from './seat-state-from-row.ts';

/** The hex map's regions by seat, where it gives any: the dashboard's projection reads them from the reference, not the map. */
function regionsOf(map: HexMap | null): { regions?: Record<string, string> } {
  const regions = Object.fromEntries((map?.hexes ?? []).flatMap((h) => (h.region ? [[h.code, h.region]] : [])));
  return Object.keys(regions).length > 0 ? { regions } : {};
}

export function createElectionReads({ db, nights, now }: { db: Db; nights: Nights; now: () => Date }) {
  function state(electionId: string): ElectionState {
    const night = nights.get(electionId);
    return {
      election: night.election,
      seats: [...night.seats.values()],
      seatStates: [...night.seatStates.values()],
      parties: nights.parties(),
      house: night.house,
      seq: night.seq,
      generatedAt: now().toISOString(),
      screen: night.screen,
      exitPoll: latestExitPoll(db, electionId),
      expectedTimes: expectedTimes(db, electionId),
      ...flaggedSeats(db, electionId),
    };
  }

  function reference(electionId: string): NightReference {
    const night = nights.get(electionId);
    night.reference ??= nightReference({
      seats: [...night.seats.values()],
      parties: nights.parties(),
      continuity: nights.continuity(),
      candidates: Object.fromEntries(referenceRepo.candidatesOf(db, electionId)),
      expectedTimes: expectedTimes(db, electionId),
      ...flaggedSeats(db, electionId),
      ...regionsOf(referenceRepo.hexMapOf(db, electionId)),
    });
    return night.reference;
  }

  return {
    listElections() {
      return baselines.listElections(db).map(({ lastSeq, ...election }) => {
        const night = nights.get(election.id);
        return { ...election, seatCount: night.seats.size, declared: night.house.declared, seq: lastSeq };
      });
    },

    state,

    /** Seats, parties, continuity and candidate lists: what a screen fetches once (GET .../reference). */
    reference,

    /** The state as a new viewer receives it over the socket (shared/protocol/compact-snapshot.ts). */
    snapshot(electionId: string): CompactSnapshot {
      return compactSnapshot(state(electionId), reference(electionId));
    },

    /**
     * What a cache needs to know whether anything public changed: the last sequence
     * number, the mode, the reference, the screen and the exit poll.
     */
    head(electionId: string) {
      const night = nights.get(electionId);
      const exitPoll = latestExitPoll(db, electionId);
      return {
        seq: night.seq,
        mode: night.election.mode,
        name: night.election.name,
        referenceVersion: reference(electionId).referenceVersion,
        screen: night.screen,
        exitPoll,
        // A mayoral count's headline is the race: "Khan leads by 275,828 with all 14 areas declared".
        headline: night.election.count
          ? mayoralRace({ count: night.election.count, seatStates: [...night.seatStates.values()], continuity: nights.continuity() }).line
          : nightHeadline(night.house, exitPoll).text,
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
      const night = nights.get(electionId);
      const entries = declarations.versionsSince(db, electionId, since).map((row) => {
        const seat = night.seats.get(row.seat_code)!;
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
      return {
        election: night.election.id,
        name: night.election.name,
        mode: night.election.mode,
        seq: night.seq,
        headline: nightHeadline(night.house, latestExitPoll(db, electionId)).text,
        entries,
      };
    },

    seat(electionId: string, seatCode: string): SeatState {
      return seatOf(nights.get(electionId), seatCode);
    },

    continuity: () => nights.continuity(),

    parties: () => nights.parties(),

    /** The House figures now (party table, declared, majority line). */
    house: (electionId: string) => nights.get(electionId).house,

    versions(electionId: string, seatCode: string) {
      const night = nights.get(electionId);
      seatOf(night, seatCode);
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
