/**
 * Reads PA's election XML strictly: the XML must be well formed (a half-uploaded file is not),
 * then every element and attribute is checked against the zod schemas below. An element or
 * attribute the schemas do not know is refused, naming it: PA's format is known from the FT's
 * ge15 (which parsed it in production) and PA's own test file, not from a specification, so a
 * surprise is reported rather than guessed at. README: "PA's wire" lists what is certain.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { PaKind } from './pa-file-name.ts';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
  // Every element is a list, so one candidate and many read alike; the schemas say which must be single.
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && name !== '$',
});

const whole = z.string().regex(/^\d+$/, 'must be a whole number').transform(Number);
const decimal = z
  .string()
  .regex(/^[+-]?\d+(\.\d+)?$/, 'must be a number such as 36.98 or +7.99')
  .transform(Number);
const text = z.string().trim().min(1, 'must not be empty');
const star = z.literal('*', { error: "must be '*' where it applies" });
const gainOrHold = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(['gain', 'hold'], { error: "must be 'gain' or 'hold'" }));

/** An element: its attributes under `$` (none is {}), its children as lists; nothing else allowed. */
type ElementOf<A extends z.ZodRawShape, C extends z.ZodRawShape> = { $: z.output<z.ZodObject<A, z.core.$strict>> } & {
  [K in keyof C]: z.output<C[K]>;
};
function element<A extends z.ZodRawShape, C extends z.ZodRawShape = Record<never, never>>(
  attributes: A,
  children: C = {} as C,
): z.ZodType<ElementOf<A, C>> {
  return z.preprocess(
    (v) => (v === '' ? { $: {} } : typeof v === 'object' && v !== null && !('$' in v) ? { $: {}, ...v } : v),
    z.strictObject({ $: z.strictObject(attributes), ...children }),
  ) as unknown as z.ZodType<ElementOf<A, C>>;
}
const one = <T extends z.ZodType>(schema: T) =>
  z
    .array(schema)
    .length(1, 'must appear exactly once')
    .transform((list) => list[0] as z.output<T>);
const optionalOne = <T extends z.ZodType>(schema: T) =>
  z
    .array(schema)
    .max(1, 'must appear at most once')
    .optional()
    .transform((list) => list?.[0] as z.output<T> | undefined);

const ElectionAttributes = { name: text, date: z.iso.date().optional(), type: text.optional() };

const Party = element({
  paId: whole.optional(),
  name: text,
  abbreviation: text,
  votes: whole.optional(),
  percentageShare: decimal.optional(),
  percentageShareChange: decimal.optional(),
});

const Candidate = element(
  {
    paId: whole.optional(),
    title: z.string().optional(),
    firstName: z.string(),
    surname: text,
    sex: z.string().optional(),
    elected: star.optional(),
    previousSittingMember: star.optional(),
  },
  { Party: one(Party) },
);

const ResultConstituency = element(
  {
    number: whole,
    name: text,
    electorate: whole.optional(),
    turnout: whole.optional(),
    percentageTurnout: decimal.optional(),
    percentageChangeTurnout: decimal.optional(),
    winningParty: text.optional(),
    sittingParty: text.optional(),
    gainOrHold: gainOrHold.optional(),
    majority: whole.optional(),
    percentageMajority: decimal.optional(),
    swing: decimal.optional(),
    paStyleMessageText: z.string().optional(),
  },
  { Candidate: z.array(Candidate).min(1, 'must list at least one candidate') },
);

const Result = element(
  { declarationTime: z.iso.datetime({ offset: true, local: true }).optional(), revision: whole.optional() },
  { Election: one(element(ElectionAttributes, { Constituency: one(ResultConstituency) })) },
);

const Rush = element(
  { revision: whole.optional() },
  {
    Election: one(
      element(ElectionAttributes, {
        Constituency: one(
          element({
            number: whole,
            name: text,
            electorate: whole.optional(),
            gainOrHold,
            winningPartyAbbreviation: text,
            sittingPartyAbbreviation: text,
            paStyleMessageText: z.string().optional(),
          }),
        ),
      }),
    ),
  },
);

const Recount = element(
  { revision: whole.optional() },
  { Election: one(element(ElectionAttributes, { Constituency: one(element({ number: whole, name: text })) })) },
);

/** Previous results ride along with nominations; their inner layout is not known for certain, so they are accepted and not read. */
const Unread = z.array(z.unknown()).optional();

const Nominations = element(
  { revision: whole.optional() },
  {
    Election: one(
      element(ElectionAttributes, {
        Constituency: one(
          element(
            { number: whole, name: text },
            {
              Candidate: z.array(Candidate).min(1, 'must list at least one candidate'),
              PreviousElection: Unread,
              PreviousNotionalElection: Unread,
            },
          ),
        ),
      }),
    ),
  },
);

const SopParty = element({
  paId: whole.optional(),
  name: text,
  abbreviation: text,
  // PA leaves out a zero: no totalSeats, gains or losses attribute means none.
  totalSeats: whole.default(0),
  gains: whole.default(0),
  losses: whole.default(0),
  totalVotes: whole,
  percentageShare: decimal,
  percentageChange: decimal.optional(),
  forecastSeats: whole.optional(),
});

const StateOfParties = element(
  {
    numberOfResults: whole,
    totalNumberOfConstituencies: whole,
    totalVotes: whole.optional(),
    forecastWinningParty: z.string().optional(),
    forecastMajority: whole.optional(),
    note: z.string().optional(),
    revision: whole.optional(),
  },
  {
    Election: one(element(ElectionAttributes)),
    Parties: one(element({}, { Party: z.array(SopParty).default([]) })),
    ConstituenciesIncluded: optionalOne(element({}, { Constituency: z.array(element({ number: whole, name: text })).default([]) })),
  },
);

const ROOTS = {
  result: ['FirstPastThePostResult', Result],
  rush: ['FirstPastThePostRush', Rush],
  recount: ['Recount', Recount],
  nominations: ['FirstPastThePostNominations', Nominations],
  SOP: ['FirstPastThePostStateOfParties', StateOfParties],
} as const;

export interface PaCandidate {
  paId?: number;
  /** As the desk and the screens show it: first name and surname. */
  name: string;
  party: { abbreviation: string; name: string };
  votes?: number;
  elected: boolean;
}

export interface PaSeatHeader {
  election: string;
  number: number;
  name: string;
  revision?: number;
}

export type PaMessage =
  | (PaSeatHeader & {
      kind: 'result';
      declarationTime?: string;
      electorate?: number;
      turnout?: number;
      gainOrHold?: 'gain' | 'hold';
      winningParty?: string;
      sittingParty?: string;
      majority?: number;
      candidates: PaCandidate[];
    })
  | (PaSeatHeader & { kind: 'rush'; gainOrHold: 'gain' | 'hold'; winningParty: string; sittingParty: string; text?: string })
  | (PaSeatHeader & { kind: 'recount' })
  | (PaSeatHeader & { kind: 'nominations'; candidates: PaCandidate[] })
  | {
      kind: 'SOP';
      election: string;
      revision?: number;
      numberOfResults: number;
      totalNumberOfConstituencies: number;
      parties: Array<{ abbreviation: string; name: string; seats: number; gains: number; losses: number; votes: number; share: number }>;
    };

export type PaReading = { ok: true; message: PaMessage } | { ok: false; reason: string };

type CandidateNode = z.output<typeof Candidate>;
const candidateOf = ({ $, Party }: CandidateNode, withVotes: boolean): PaCandidate => ({
  ...($.paId !== undefined && { paId: $.paId }),
  name: `${$.firstName.trim()} ${$.surname.trim()}`.trim(),
  party: { abbreviation: Party.$.abbreviation, name: Party.$.name },
  ...(withVotes && Party.$.votes !== undefined && { votes: Party.$.votes }),
  elected: $.elected === '*',
});

/** `FirstPastThePostResult/Election/Constituency/Candidate[2]/Party@votes` from zod's path. */
function where(path: readonly PropertyKey[]): string {
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (step === '$') out += i + 1 < path.length ? `@${String(path[++i])}` : '';
    else if (typeof step === 'number') out += step > 0 ? `[${step + 1}]` : '';
    else out += `${out ? '/' : ''}${String(step)}`;
  }
  return out;
}

/** The message a file holds, checked against what its name says it is; or why it cannot be read. */
export function readPaXml(kind: PaKind, xml: string): PaReading {
  if (xml.trim() === '') return { ok: false, reason: 'the file is empty (still uploading?)' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return { ok: false, reason: `not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); a half-uploaded file reads like this` };
  const document = parser.parse(xml) as Record<string, unknown>;
  const [rootName, schema] = ROOTS[kind];
  const roots = Object.keys(document);
  if (roots.length !== 1 || roots[0] !== rootName) {
    return { ok: false, reason: `a ${kind} file must hold one ${rootName} element; this one holds ${roots.join(', ') || 'nothing'}` };
  }
  const parsed = one(schema as z.ZodType).safeParse(document[rootName]);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const extra = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    const unknown =
      issue.code === 'unrecognized_keys'
        ? `unknown ${issue.path.at(-1) === '$' ? 'attribute' : 'element'} ${issue.keys.join(', ')}`
        : issue.message;
    return { ok: false, reason: `${rootName}${where(issue.path) ? `/${where(issue.path)}` : ''}: ${unknown}${extra}` };
  }
  return { ok: true, message: messageOf(kind, parsed.data) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the shape is the schema's for this kind, checked above
function messageOf(kind: PaKind, root: any): PaMessage {
  if (kind === 'SOP') {
    const sop = root as z.output<typeof StateOfParties>;
    return {
      kind,
      election: sop.Election.$.name,
      ...(sop.$.revision !== undefined && { revision: sop.$.revision }),
      numberOfResults: sop.$.numberOfResults,
      totalNumberOfConstituencies: sop.$.totalNumberOfConstituencies,
      parties: sop.Parties.Party.map(({ $ }) => ({
        abbreviation: $.abbreviation,
        name: $.name,
        seats: $.totalSeats,
        gains: $.gains,
        losses: $.losses,
        votes: $.totalVotes,
        share: $.percentageShare,
      })),
    };
  }
  const election = root.Election.$.name as string;
  const c = root.Election.Constituency;
  const header: PaSeatHeader = {
    election,
    number: c.$.number,
    name: c.$.name,
    ...(root.$.revision !== undefined && { revision: root.$.revision }),
  };
  if (kind === 'recount') return { ...header, kind };
  if (kind === 'rush') {
    return {
      ...header,
      kind,
      gainOrHold: c.$.gainOrHold,
      winningParty: c.$.winningPartyAbbreviation,
      sittingParty: c.$.sittingPartyAbbreviation,
      ...(c.$.paStyleMessageText && { text: c.$.paStyleMessageText }),
    };
  }
  if (kind === 'nominations') return { ...header, kind, candidates: (c.Candidate as CandidateNode[]).map((n) => candidateOf(n, false)) };
  const $ = (c as z.output<typeof ResultConstituency>).$;
  const optional = <K extends keyof typeof $>(key: K) => ($[key] !== undefined ? { [key]: $[key] } : {});
  return {
    ...header,
    kind,
    ...(root.$.declarationTime && { declarationTime: root.$.declarationTime }),
    ...optional('electorate'),
    ...optional('turnout'),
    ...optional('gainOrHold'),
    ...optional('winningParty'),
    ...optional('sittingParty'),
    ...optional('majority'),
    candidates: (c.Candidate as CandidateNode[]).map((n) => candidateOf(n, true)),
  } as PaMessage;
}
