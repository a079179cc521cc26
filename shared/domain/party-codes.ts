/**
 * The party codes an election knows, and what an editor probably meant by one
 * it does not. A code nobody knows is a typo ("Labour" for Lab) far more often
 * than a new party: published, it would count as a party of its own and turn a
 * Labour hold into "Labour GAIN from Con". So an unknown code is refused unless
 * the entry says it is a new party on purpose.
 */
import type { FieldProblem } from './declaration.ts';
import type { PartyContinuity } from '../protocol/schemas.ts';
import { foldText } from './fold.ts';

export interface PartyKnowledge {
  /** The parties table: codes with a name and colour. */
  parties: readonly { code: string; name: string }[];
  continuity: PartyContinuity;
  /** The election's seats: every party in a baseline (holder and votes) or held at dissolution. */
  seats: readonly {
    baseline: { party: string | null; votes?: readonly { party: string }[] };
    heldAtDissolution?: { party: string | null };
  }[];
  /** The coming election's candidate lists, seat by seat. */
  candidateLists?: Readonly<Record<string, readonly { party: string }[]>>;
  /** Codes already published in this election (a new party accepted once is known afterwards). */
  published?: Iterable<string>;
}

export function knownPartyCodes(k: PartyKnowledge): Set<string> {
  const known = new Set<string>(['Ind', 'Spk', 'Oth']);
  for (const p of k.parties) known.add(p.code);
  for (const [code, target] of [...Object.entries(k.continuity.aliases), ...Object.entries(k.continuity.successors)]) {
    known.add(code);
    known.add(target);
  }
  for (const seat of k.seats) {
    if (seat.baseline.party) known.add(seat.baseline.party);
    for (const v of seat.baseline.votes ?? []) known.add(v.party);
    if (seat.heldAtDissolution?.party) known.add(seat.heldAtDissolution.party);
  }
  for (const list of Object.values(k.candidateLists ?? {})) for (const c of list) known.add(c.party);
  for (const code of k.published ?? []) known.add(code);
  return known;
}

/**
 * The known code an editor most likely meant: the same code in another case
 * ("lab"), a party's name ("Labour", "Green Party"), or an alias spelt
 * differently. null where nothing is close enough to offer.
 */
export function suggestParty(typed: string, known: ReadonlySet<string>, parties: readonly { code: string; name: string }[]): string | null {
  const t = foldText(typed);
  if (t === '') return null;
  for (const code of known) if (foldText(code) === t) return code;
  const named = parties.filter((p) => known.has(p.code));
  const exact = named.find((p) => foldText(p.name) === t || foldText(p.name) === `${t} party` || `${foldText(p.name)} party` === t);
  if (exact) return exact.code;
  if (t.length >= 3) {
    const starts = named.filter((p) => foldText(p.name).startsWith(t) || t.startsWith(foldText(p.name)));
    if (starts.length === 1) return starts[0].code;
  }
  return null;
}

/**
 * One problem for each candidate whose party code the election does not know
 * and that the entry does not list in newParties.
 */
export function unknownPartyProblems(
  candidates: readonly { party: string }[],
  known: ReadonlySet<string>,
  parties: readonly { code: string; name: string }[],
  newParties: readonly string[] = [],
): FieldProblem[] {
  const onPurpose = new Set(newParties);
  const problems: FieldProblem[] = [];
  candidates.forEach((c, i) => {
    if (known.has(c.party) || onPurpose.has(c.party)) return;
    const meant = suggestParty(c.party, known, parties);
    problems.push({
      path: `candidates[${i}].party`,
      message:
        `"${c.party}" is not a party code this election knows` +
        (meant ? `: did you mean ${meant}?` : '') +
        ` If it is a new party on purpose, list it in newParties`,
    });
  });
  return problems;
}

/** Codes listed as new on purpose that the election in fact knows: nothing to flag for them. */
export function reallyNewParties(newParties: readonly string[] | undefined, known: ReadonlySet<string>): string[] {
  return [...new Set(newParties ?? [])].filter((code) => !known.has(code));
}
