/**
 * Which card an image URL means, and the figures on it: a seat as it stood at
 * one version, or the party table as it stood after one sequence number.
 * Past versions are read back from the stored versions, so every URL ever
 * handed out keeps showing what it showed.
 */
import { houseSummary } from '../../shared/domain/party-table.ts';
import type { Election, ElectionUpdate, HouseSummary, SeatState } from '../../shared/protocol/schemas.ts';
import { SHARE_SIZES, type ShareSize } from '../../shared/protocol/share-urls.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';
import { seatStateFrom } from '../services/seat-state-from-row.ts';
import { mayoralRace } from '../../shared/domain/mayoral-race.ts';
import { houseCard, raceCard, seatCard } from './cards.ts';
import type { RenderJob, ShareRenderer } from './renderer.ts';

export type ShareService = ReturnType<typeof createShareService>;

export function createShareService({ db, elections, renderer }: { db: Db; elections: ElectionService; renderer: ShareRenderer }) {
  function election(electionId: string): Election {
    const found = baselines.findElection(db, electionId);
    if (!found) throw new RefusedError(404, `election: no election "${electionId}"`);
    const { lastSeq: _seq, ...rest } = found;
    return rest;
  }

  function seatAt(electionId: string, seatCode: string, version: number): SeatState {
    const current = elections.seat(electionId, seatCode);
    if (version === current.version) return current;
    const row = declarations.versionsOfSeat(db, electionId, seatCode).find((v) => v.version === version);
    if (!row) throw new RefusedError(404, `version: ${current.name} has no version ${version} (it is at version ${current.version})`);
    const seat = baselines.seatsOf(db, electionId).find((s) => s.code === seatCode)!;
    return seatStateFrom(seat, row, elections.continuity());
  }

  function checkSeq(electionId: string, seq: number) {
    const head = elections.head(electionId);
    if (seq > head.seq || seq < 1) throw new RefusedError(404, `seq: ${electionId} has no change ${seq} (it is at ${head.seq})`);
  }

  /** Every seat as it stood after change `seq`, read back from the versions. */
  function seatStatesAt(electionId: string, seq: number) {
    const versions = declarations.allVersions(db, electionId).filter((v) => v.seq <= seq);
    const latest = new Map(versions.map((v) => [v.seat_code, v]));
    const seats = baselines.seatsOf(db, electionId);
    const continuity = elections.continuity();
    return {
      seats,
      states: seats.map((seat) => seatStateFrom(seat, latest.get(seat.code) ?? null, continuity)),
      at: versions.at(-1)?.entered_at ?? null,
    };
  }

  function houseAt(electionId: string, seq: number): { house: HouseSummary; at: string | null } {
    const { seats, states, at } = seatStatesAt(electionId, seq);
    const declared = seats.map((seat, i) => ({ baseline: seat.baseline, outcome: states[i].outcome }));
    const total = election(electionId).totalSeats;
    return { house: houseSummary(declared, total, elections.continuity()), at };
  }

  /** A mayoral count's image after change `seq` is its race, not the party table of its areas (ADR 0025). */
  function raceFor(electionId: string, seq: number) {
    const count = election(electionId).count!;
    const newest = seq === elections.head(electionId).seq;
    const { states, at } = newest
      ? { states: elections.state(electionId).seatStates, at: declarations.enteredAtOfSeq(db, electionId, seq) }
      : seatStatesAt(electionId, seq);
    return { race: mayoralRace({ count, seatStates: states, continuity: elections.continuity() }), at };
  }

  const mode = (electionId: string) => elections.head(electionId).mode;

  /** `known`: the seat as the change left it, so a pre-render reads nothing back from the database. */
  const seatJob = (electionId: string, seatCode: string, version: number, size: ShareSize, known?: SeatState): RenderJob => ({
    key: `${electionId}/seat/${seatCode}/v${version}/${size}/${mode(electionId)}`,
    ...SHARE_SIZES[size],
    build: () => seatCard(election(electionId), known ?? seatAt(electionId, seatCode, version), elections.parties(), size),
  });

  /** The party table after change `seq`: the one held in memory when it is the newest, else read back from the versions. */
  function houseFor(electionId: string, seq: number): { house: HouseSummary; at: string | null } {
    if (seq === elections.head(electionId).seq)
      return { house: elections.house(electionId), at: declarations.enteredAtOfSeq(db, electionId, seq) };
    return houseAt(electionId, seq);
  }

  const houseJob = (electionId: string, seq: number, size: ShareSize, known?: { house: HouseSummary; at: string }): RenderJob => ({
    key: `${electionId}/house/s${seq}/${size}/${mode(electionId)}`,
    ...SHARE_SIZES[size],
    build: () => {
      const chosen = election(electionId);
      if (chosen.count) {
        const { race, at } = raceFor(electionId, seq);
        return raceCard(chosen, race, elections.parties(), size, at);
      }
      const { house, at } = known ?? houseFor(electionId, seq);
      return houseCard(election(electionId), house, elections.parties(), size, at);
    },
  });

  return {
    /** The PNG of one seat's version; 404 for a version that does not exist. */
    seatImage(electionId: string, seatCode: string, version: number, size: ShareSize): Promise<Buffer> {
      seatAt(electionId, seatCode, version);
      return renderer.image(seatJob(electionId, seatCode, version, size));
    },

    houseImage(electionId: string, seq: number, size: ShareSize): Promise<Buffer> {
      checkSeq(electionId, seq);
      return renderer.image(houseJob(electionId, seq, size));
    },

    /** After each change (its 201 sent): that version's images and the new party table, in the background, from the figures it left. */
    prerender(update: ElectionUpdate, house: HouseSummary) {
      const { election: electionId, seat, seq, at } = update;
      for (const size of ['landscape', 'square'] as const) renderer.prerender(seatJob(electionId, seat.code, seat.version, size, seat));
      // Only the newest party table is worth drawing ahead of time: a queued older one is dropped.
      renderer.dropQueued(`${electionId}/house/`);
      for (const size of ['landscape', 'square'] as const) renderer.prerender(houseJob(electionId, seq, size, { house, at }));
    },

    stats: renderer.stats,
  };
}
