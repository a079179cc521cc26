/** PA-format XML for rehearsals and tests, the same elements and attributes pa-reader.ts reads. */
import { XMLBuilder } from 'fast-xml-parser';
import { partyToPa } from '../../shared/wire/pa-parties.ts';
import type { Candidate } from '../../shared/protocol/schemas.ts';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  format: true,
  suppressEmptyNode: true,
});

type Attributes = { [key: string]: string | number | undefined };
const attrs = (a: Attributes) =>
  Object.fromEntries(
    Object.entries(a)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
const xml = (root: string, body: object) => `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: body })}`;

export interface PaElection {
  /** As PA writes it in <Election name>: "Test General Election". */
  name: string;
  date: string;
}

export interface PaSeatOut {
  number: number;
  name: string;
}

/** The Library gives one name; PA first name and surname: the surname is the last word. */
function split(name: string) {
  const at = name.lastIndexOf(' ');
  return at < 0 ? { firstName: '', surname: name } : { firstName: name.slice(0, at), surname: name.slice(at + 1) };
}

function candidates(list: readonly Candidate[], withVotes: boolean, elected?: Candidate) {
  return list.map((c, i) => ({
    $: attrs({ paId: i + 1, ...split(c.name), elected: c === elected ? '*' : undefined }),
    Party: { $: attrs({ abbreviation: partyToPa(c.party), name: c.party, votes: withVotes ? c.votes : undefined }) },
  }));
}

const election = (e: PaElection, Constituency?: object) => ({
  $: attrs({ name: e.name, date: e.date }),
  ...(Constituency && { Constituency }),
});

export function nominationsXml(e: PaElection, seat: PaSeatOut, list: readonly Candidate[], revision = 1): string {
  return xml('FirstPastThePostNominations', {
    $: attrs({ revision }),
    Election: election(e, { $: attrs({ ...seat }), Candidate: candidates(list, false) }),
  });
}

export interface ResultOut {
  revision: number;
  declarationTime: string;
  electorate?: number;
  gainOrHold: 'gain' | 'hold';
  winningParty: string;
  sittingParty: string | null;
  majority: number;
  candidates: readonly Candidate[];
  winner: Candidate;
}

export function resultXml(e: PaElection, seat: PaSeatOut, r: ResultOut): string {
  const turnout = r.candidates.reduce((sum, c) => sum + c.votes, 0);
  const constituency = {
    $: attrs({
      ...seat,
      electorate: r.electorate,
      turnout,
      winningParty: partyToPa(r.winningParty),
      gainOrHold: r.gainOrHold,
      sittingParty: r.sittingParty === null ? undefined : partyToPa(r.sittingParty),
      majority: r.majority,
    }),
    Candidate: candidates(r.candidates, true, r.winner),
  };
  return xml('FirstPastThePostResult', {
    $: attrs({ declarationTime: r.declarationTime, revision: r.revision }),
    Election: election(e, constituency),
  });
}

export function rushXml(
  e: PaElection,
  seat: PaSeatOut,
  r: { revision: number; gainOrHold: 'gain' | 'hold'; winningParty: string; sittingParty: string | null },
): string {
  const winning = partyToPa(r.winningParty);
  const sitting = r.sittingParty === null ? 'Vacant' : partyToPa(r.sittingParty);
  const text = r.gainOrHold === 'hold' ? `${winning} HOLD` : `${winning} GAIN FROM ${sitting}`;
  const constituency = {
    $: attrs({
      ...seat,
      gainOrHold: r.gainOrHold,
      winningPartyAbbreviation: winning,
      sittingPartyAbbreviation: sitting,
      paStyleMessageText: `${seat.name}: ${text}`,
    }),
  };
  return xml('FirstPastThePostRush', { $: attrs({ revision: r.revision }), Election: election(e, constituency) });
}

export function recountXml(e: PaElection, seat: PaSeatOut, revision: number): string {
  return xml('Recount', { $: attrs({ revision }), Election: election(e, { $: attrs({ ...seat }) }) });
}

export interface SopPartyOut {
  party: string;
  seats: number;
  gains: number;
  losses: number;
  votes: number;
  share: number;
}

export function sopXml(
  e: PaElection,
  sop: { results: number; totalSeats: number; parties: readonly SopPartyOut[]; included: readonly PaSeatOut[] },
): string {
  return xml('FirstPastThePostStateOfParties', {
    $: attrs({
      numberOfResults: sop.results,
      totalNumberOfConstituencies: sop.totalSeats,
      totalVotes: sop.parties.reduce((s, p) => s + p.votes, 0),
    }),
    Election: election(e),
    Parties: {
      // PA leaves a zero out.
      Party: sop.parties.map((p) => ({
        $: attrs({
          name: p.party,
          abbreviation: partyToPa(p.party),
          totalSeats: p.seats || undefined,
          gains: p.gains || undefined,
          losses: p.losses || undefined,
          totalVotes: p.votes,
          percentageShare: p.share.toFixed(2),
        }),
      })),
    },
    ConstituenciesIncluded: { Constituency: sop.included.map((s) => ({ $: attrs({ ...s }) })) },
  });
}
