/**
 * The lean forms of the reference and the snapshot, for the screens that draw every seat but name
 * only a few (the dashboard, the big screen): ADR 0030. Candidate names are most of the bytes of
 * both, and a screen shows a seat's winner by name, not the rest of its field:
 * - the lean reference keeps every seat and baseline figure, the MPs, notes and sources, and drops
 *   the candidate lists and the baseline candidates' names; its one known name per seat is the MP's
 *   (compact-snapshot.ts), so a re-elected MP's win is sent as the number 0;
 * - the lean snapshot names each declared seat's winner (every candidate tied for first, and the
 *   one chosen by lot) and leaves the others' names empty; a mayoral count keeps every name, as its
 *   race shows every candidate's total. It leaves out the House figures too: the screen works them
 *   out from the seats (houseAfter), as it does after every update.
 * Both carry `names: 'winners'` and the full reference's version, so numbered updates (whose names
 * are sent in full, compact-update.ts) read against either. expandSnapshot refuses to read one form
 * against the other: a number names a different candidate in each.
 */
import type { CompactCandidate, CompactSeat, CompactSnapshot, NightReference } from './compact-schemas.ts';
import { namesOf } from './compact-snapshot.ts';

const leanReferences = new WeakMap<NightReference, NightReference>();

/** The reference without the names no lean screen shows; the same object for the same reference. */
export function leanReference(reference: NightReference): NightReference {
  let lean = leanReferences.get(reference);
  if (lean) return lean;
  const seats = reference.seats.map((seat) => {
    const { votes } = seat.baseline;
    if (!votes) return seat;
    return { ...seat, baseline: { ...seat.baseline, votes: votes.map(({ name: _name, ...vote }) => vote) } };
  });
  lean = { ...reference, seats, candidates: {}, names: 'winners' };
  leanReferences.set(reference, lean);
  return lean;
}

/** Names kept in a seat's lean form: the winners' (the top vote, or the name chosen by lot), or all in a mayoral count. */
function shownNames(candidates: readonly { name: string; votes: number }[], winnerByLot: string | undefined, all: boolean) {
  if (all) return new Set(candidates.map((c) => c.name));
  const top = Math.max(...candidates.map((c) => c.votes));
  return new Set(candidates.filter((c) => c.votes === top || c.name === winnerByLot).map((c) => c.name));
}

function leanSeat(entry: CompactSeat, full: Map<string, string[]>, lean: Map<string, string[]>, allNames: boolean): CompactSeat {
  if (entry.length === 1 || entry[5] === null) return entry;
  const [code, version, kind, reason, updatedAt, declaration, ...rush] = entry;
  const known = full.get(code) ?? [];
  const named = declaration.candidates.map(([name, party, votes]) => ({
    name: typeof name === 'number' ? known[name] : name,
    party,
    votes,
  }));
  if (named.some((c) => c.name === undefined)) throw new Error(`seats: ${code} names a candidate its reference does not list`);
  const shown = shownNames(named, declaration.winnerByLot, allNames);
  const leanKnown = lean.get(code) ?? [];
  const candidates = named.map(({ name, party, votes }): CompactCandidate => {
    if (!shown.has(name)) return ['', party, votes];
    const index = leanKnown.indexOf(name);
    return [index >= 0 ? index : name, party, votes];
  });
  return [code, version, kind, reason, updatedAt, { ...declaration, candidates }, ...rush] as CompactSeat;
}

/** The snapshot (made against `reference`) with only the names a lean screen shows, read against leanReference(reference). */
export function leanSnapshot(compact: CompactSnapshot, reference: NightReference): CompactSnapshot {
  if (compact.referenceVersion !== reference.referenceVersion) {
    throw new Error(`referenceVersion: the snapshot was made against ${compact.referenceVersion}, not ${reference.referenceVersion}`);
  }
  const full = namesOf(reference);
  const lean = namesOf(leanReference(reference));
  const allNames = compact.election.count !== undefined;
  const { house: _house, ...rest } = compact;
  return { ...rest, seats: compact.seats.map((entry) => leanSeat(entry, full, lean, allNames)), names: 'winners' };
}
