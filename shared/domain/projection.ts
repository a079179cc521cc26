/**
 * The projection of the final House from the seats declared so far (README:
 * The projection; ADR 0013). Transparent on purpose: a newsroom must be able
 * to say how it was made.
 *
 * Every declared seat counts as it went. Every seat still to come is
 * projected within its region (the hex map's region where it gives one,
 * else the nation its ONS code names):
 * - with baseline votes, by regional uniform swing: each party's average
 *   share change over the declared seats of the same region that the same
 *   party held, leaning on the region's and then the nation-wide average
 *   where those are few, added to the seat's baseline shares. The two
 *   leading parties share the seat by how likely the lead is to hold, given
 *   how far the declared seats' leads strayed from the swing (a 10-point
 *   lead is all but sure, a 1-point lead close to a coin toss);
 * - with a winner only (a winners-only baseline such as 2015 behind 2017),
 *   by the region's table of how seats are changing hands: of the declared
 *   seats its holder held there, the fraction each party has won.
 * Seats are added up in fractions and rounded once, at the end. Before
 * the first declaration there is no projection.
 */
import type { Outcome, PartyContinuity, Seat, SeatBaseline, SeatState } from '../protocol/schemas.ts';
import { forecastLine } from './exit-poll.ts';
import { canonicalParty } from './party.ts';
import { sharesByParty } from './swing.ts';
import { formatNumber } from './figures.ts';

export interface ProjectionSeat {
  code: string;
  baseline: SeatBaseline;
  /** null while the seat is undeclared, in recount or withdrawn. */
  outcome: Outcome | null;
}

export interface ProjectedParty {
  party: string;
  /** Projected seats in the final House. */
  seats: number;
  /** Won so far. */
  declared: number;
}

export interface Projection {
  /** Largest first; every party projected a seat or holding one. */
  parties: ProjectedParty[];
  /** How many declared seats it rests on. */
  restsOn: number;
  totalSeats: number;
  /** How the seats to come were projected: by swing (baseline votes), by how seats change hands (winners only), or both. */
  method: 'swing' | 'changing-hands' | 'both' | 'none';
}

const NATIONS: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };

/** The region a seat is projected in: its nation, from the first letter of its ONS code. */
export function projectionRegion(code: string): string {
  return NATIONS[code[0]!] ?? 'UK';
}

/** Each seat's region from the hex map where it gives one, else its nation. */
export function projectionRegions(hexes: readonly { code: string; region?: string }[] | undefined): (code: string) => string {
  const regions = new Map((hexes ?? []).filter((h) => h.region).map((h) => [h.code, h.region!]));
  return (code) => regions.get(code) ?? projectionRegion(code);
}

/** How much a region's own few declared seats count against the nation-wide figure (in seats). */
const PRIOR_SEATS = 3;

type Shares = Map<string, number>;

/** Shares by counted party (continuity applied), from a baseline's votes or a result's candidates. */
function sharesOf(votes: readonly { party: string; votes: number }[], continuity: PartyContinuity): Shares {
  const byParty = new Map<string, number>();
  for (const v of votes) {
    const party = canonicalParty(v.party, continuity);
    byParty.set(party, (byParty.get(party) ?? 0) + v.votes);
  }
  return sharesByParty(byParty);
}

// A seat's baseline never changes on the night, and a result keeps its identity until the seat changes
// (screens apply updates seat by seat): their shares are worked out once per continuity table.
const sharesCache = new WeakMap<object, { continuity: PartyContinuity; shares: Shares }>();
function cachedShares(owner: object, votes: readonly { party: string; votes: number }[], continuity: PartyContinuity): Shares {
  const cached = sharesCache.get(owner);
  if (cached?.continuity === continuity) return cached.shares;
  const shares = sharesOf(votes, continuity);
  sharesCache.set(owner, { continuity, shares });
  return shares;
}
const baselineShares = (baseline: SeatBaseline, continuity: PartyContinuity): Shares | null =>
  baseline.votes && baseline.votes.length > 0 ? cachedShares(baseline, baseline.votes, continuity) : null;
const resultShares = (outcome: Outcome, continuity: PartyContinuity): Shares => cachedShares(outcome, outcome.candidates, continuity);

/** Sums of share changes and how many seats they came from, by region and nation-wide. */
class SwingTable {
  private readonly sums = new Map<string, Map<string, number>>();
  private readonly counts = new Map<string, number>();

  add(region: string, holder: string, before: Shares, now: Shares) {
    for (const key of [`${region}|${holder}`, region, '']) {
      let sums = this.sums.get(key);
      if (sums === undefined) this.sums.set(key, (sums = new Map<string, number>()));
      for (const [party, share] of now) sums.set(party, (sums.get(party) ?? 0) + share);
      for (const [party, share] of before) sums.set(party, (sums.get(party) ?? 0) - share);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  // Worked out once per region and holder, then read for each seat of theirs.
  private readonly changes = new Map<string, Map<string, number>>();

  /** A party's average change in the region, leaning on the nation-wide average where the region has few seats in. */
  change(region: string, holder: string, party: string): number {
    const key = `${region}|${holder}`;
    let changes = this.changes.get(key);
    if (changes === undefined) this.changes.set(key, (changes = new Map()));
    let change = changes.get(party);
    if (change === undefined) {
      const all = this.counts.get('') ?? 0;
      const national = all === 0 ? 0 : (this.sums.get('')!.get(party) ?? 0) / all;
      const shrink = (at: string, prior: number) =>
        ((this.sums.get(at)?.get(party) ?? 0) + PRIOR_SEATS * prior) / ((this.counts.get(at) ?? 0) + PRIOR_SEATS);
      changes.set(party, (change = all === 0 ? 0 : shrink(key, shrink(region, national))));
    }
    return change;
  }

  get seats() {
    return this.counts.get('') ?? 0;
  }
}

/** How the declared seats each party held have gone, by region and nation-wide. */
class ChangingHands {
  private readonly won = new Map<string, Map<string, number>>();

  private key = (region: string, holder: string) => `${region}|${holder}`;

  add(region: string, holder: string, winner: string) {
    for (const key of [this.key(region, holder), this.key('', holder)]) {
      const row = this.won.get(key) ?? new Map<string, number>();
      row.set(winner, (row.get(winner) ?? 0) + 1);
      this.won.set(key, row);
    }
  }

  private fractions(key: string): { n: number; row: Map<string, number> } {
    const row = this.won.get(key) ?? new Map<string, number>();
    let n = 0;
    for (const v of row.values()) n += v;
    return { n, row };
  }

  /** The fraction of a seat each party is expected to take from this holder here. */
  split(region: string, holder: string): Map<string, number> {
    const key = this.key(region, holder);
    let split = this.splits.get(key);
    if (split === undefined) this.splits.set(key, (split = this.splitOf(region, holder)));
    return split;
  }

  // Worked out once per region and holder, then shared by each of their seats.
  private readonly splits = new Map<string, Map<string, number>>();

  private splitOf(region: string, holder: string): Map<string, number> {
    // Nation-wide, a holder no declared seat has tested keeps its seats: one hold stands in for them.
    const national = this.fractions(this.key('', holder));
    const nationalShare = (party: string) => ((national.row.get(party) ?? 0) + (party === holder ? 1 : 0)) / (national.n + 1);
    const regional = this.fractions(this.key(region, holder));
    const parties = new Set([holder, ...national.row.keys(), ...regional.row.keys()]);
    const split = new Map<string, number>();
    for (const party of parties) {
      split.set(party, ((regional.row.get(party) ?? 0) + PRIOR_SEATS * nationalShare(party)) / (regional.n + PRIOR_SEATS));
    }
    return split;
  }
}

interface ProjectedShare {
  party: string;
  share: number;
}

/** A seat's baseline shares moved by its region's swing, largest first. */
function projectedShares(before: Shares, region: string, holder: string, swing: SwingTable): ProjectedShare[] {
  const projected = [...before].map(([party, share]) => ({ party, share: share + swing.change(region, holder, party) }));
  return projected.sort((a, b) => b.share - a.share || a.party.localeCompare(b.party));
}

/** The standard normal distribution function (Abramowitz and Stegun 7.1.26, to 1e-7). */
function normal(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/** The two leading parties on projected shares, and how likely the first is to hold on, given how far seats stray from the swing. */
function projectedContest(projected: ProjectedShare[], spread: number): Map<string, number> {
  const [first, second] = projected;
  if (!second || spread <= 0) return new Map([[first!.party, 1]]);
  const p = normal((first!.share - second.share) / spread);
  return new Map([
    [first!.party, p],
    [second.party, 1 - p],
  ]);
}

/** Rounds fractional seats to whole ones that still add up to the seats projected (largest remainder). */
function wholeSeats(expected: Map<string, number>, total: number): Map<string, number> {
  const rows = [...expected].map(([party, x]) => ({ party, whole: Math.floor(x + 1e-9), rest: x - Math.floor(x + 1e-9) }));
  let left = total - rows.reduce((sum, r) => sum + r.whole, 0);
  rows.sort((a, b) => b.rest - a.rest || a.party.localeCompare(b.party));
  for (const row of rows) {
    if (left <= 0) break;
    row.whole++;
    left--;
  }
  return new Map(rows.map((r) => [r.party, r.whole]));
}

/**
 * The projected House: declared seats as they went, the rest by the region's swing
 * or by how its seats are changing hands. null before the first declaration.
 */
export function projectHouse({
  seats,
  totalSeats,
  continuity,
  regionOf = projectionRegion,
}: {
  seats: readonly ProjectionSeat[];
  totalSeats: number;
  continuity: PartyContinuity;
  regionOf?: (code: string) => string;
}): Projection | null {
  const swing = new SwingTable();
  const hands = new ChangingHands();
  const expected = new Map<string, number>();
  const declaredBy = new Map<string, number>();
  const add = (map: Map<string, number>, party: string, n: number) => map.set(party, (map.get(party) ?? 0) + n);

  const holderOf = (seat: ProjectionSeat) => (seat.baseline.party === null ? '' : canonicalParty(seat.baseline.party, continuity));
  const declared = seats.filter((s) => s.outcome !== null);
  if (declared.length === 0) return null;
  for (const seat of declared) {
    const winner = seat.outcome!.label.party;
    add(declaredBy, winner, 1);
    add(expected, winner, 1);
    const region = regionOf(seat.code);
    if (seat.baseline.party !== null) hands.add(region, canonicalParty(seat.baseline.party, continuity), winner);
    const before = baselineShares(seat.baseline, continuity);
    if (before) swing.add(region, holderOf(seat), before, resultShares(seat.outcome!, continuity));
  }

  // How far the declared seats strayed from the swing: the spread of the lead between the two parties it put first.
  let squares = 0;
  let strays = 0;
  for (const seat of declared) {
    const before = baselineShares(seat.baseline, continuity);
    if (!before) continue;
    const projected = projectedShares(before, regionOf(seat.code), holderOf(seat), swing);
    if (projected.length < 2) continue;
    const now = resultShares(seat.outcome!, continuity);
    const lead = (now.get(projected[0]!.party) ?? 0) - (now.get(projected[1]!.party) ?? 0);
    squares += (lead - (projected[0]!.share - projected[1]!.share)) ** 2;
    strays++;
  }
  const spread = strays > 1 ? Math.sqrt(squares / strays) : 0;

  let bySwing = 0;
  let byHands = 0;
  for (const seat of seats) {
    if (seat.outcome !== null) continue;
    const region = regionOf(seat.code);
    const before = baselineShares(seat.baseline, continuity);
    if (before && swing.seats > 0) bySwing++;
    else if (seat.baseline.party !== null) byHands++;
    const split =
      before && swing.seats > 0
        ? projectedContest(projectedShares(before, region, holderOf(seat), swing), spread)
        : seat.baseline.party !== null
          ? hands.split(region, holderOf(seat))
          : null;
    for (const [party, fraction] of split ?? []) add(expected, party, fraction);
  }

  let projectedTotal = 0;
  for (const x of expected.values()) projectedTotal += x;
  const whole = wholeSeats(expected, Math.round(projectedTotal));
  const parties = [...whole]
    .map(([party, n]): ProjectedParty => ({ party, seats: n, declared: declaredBy.get(party) ?? 0 }))
    .filter((p) => p.seats > 0 || p.declared > 0)
    .sort((a, b) => b.seats - a.seats || b.declared - a.declared || a.party.localeCompare(b.party));
  const method = bySwing > 0 ? (byHands > 0 ? 'both' : 'swing') : byHands > 0 ? 'changing-hands' : 'none';
  return { parties, restsOn: declared.length, totalSeats, method };
}

/** The projection from what every screen holds: the seats, their states and the hex map's regions. */
export function projectElection({
  seats,
  seatStates,
  totalSeats,
  continuity,
  hexes,
}: {
  seats: readonly Pick<Seat, 'code' | 'baseline'>[];
  seatStates: readonly Pick<SeatState, 'code' | 'outcome'>[];
  totalSeats: number;
  continuity: PartyContinuity;
  hexes?: readonly { code: string; region?: string }[];
}): Projection | null {
  const outcomes = new Map(seatStates.map((s) => [s.code, s.outcome]));
  return projectHouse({
    seats: seats.map((seat) => ({ code: seat.code, baseline: seat.baseline, outcome: outcomes.get(seat.code) ?? null })),
    totalSeats,
    continuity,
    regionOf: projectionRegions(hexes),
  });
}

/** "Projection on 320 seats: Con majority of 74": always says it is a projection and what it rests on. */
export function projectionLine(projection: Projection): string {
  const seats = Object.fromEntries(projection.parties.map((p) => [p.party, p.seats]));
  const on = `${formatNumber(projection.restsOn)} ${projection.restsOn === 1 ? 'seat' : 'seats'}`;
  return forecastLine(`Projection on ${on} declared`, seats, projection.totalSeats);
}
