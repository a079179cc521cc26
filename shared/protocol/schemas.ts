/**
 * The one source of truth for every type that crosses a boundary: the
 * baseline file, the HTTP API, socket.io events and the database's JSON
 * columns. Every TypeScript type is z.infer of a schema here.
 */
import { z } from 'zod';
import { oneLine } from './text.ts';

/** ONS codes: constituencies (E14, W07, S14, N06...) and regions (E12 for the London mayoralty). */
export const SeatCode = z.string().regex(/^[EWSNK]\d{8}$/, 'must be an ONS code such as E14000654');
export type SeatCode = z.infer<typeof SeatCode>;

/** Party codes are the House of Commons Library's: Con, Lab, LD, SNP, Spk, Ind... */
export const PartyCode = oneLine(z.string().trim().min(1, 'must name a party code such as Lab').max(100, 'must be at most 100 characters'));
export type PartyCode = z.infer<typeof PartyCode>;

export const ElectionId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes, such as ge2017');

const wholeVotes = (what: string) =>
  z
    .number({ error: `must be a whole number of ${what} >= 0` })
    .int(`must be a whole number of ${what} >= 0`)
    .min(0, `must be a whole number of ${what} >= 0`)
    .max(100_000_000, 'is larger than any UK electorate');

export const Candidate = z.object({
  name: oneLine(z.string().trim().min(1, 'must give the candidate name').max(200)),
  party: PartyCode,
  votes: wholeVotes('votes'),
});
export type Candidate = z.infer<typeof Candidate>;

export const DeclarationSource = z.enum(['returning-officer', 'reporter', 'wire', 'import', 'replay']);
export type DeclarationSource = z.infer<typeof DeclarationSource>;

/** A file of PA's wire and its revision (server/wire). */
export const WireFile = z.strictObject({ file: z.string().min(1).max(200), revision: z.number().int().min(1) });

/** What an editor (or a script) submits for one seat. */
export const DeclarationInput = z.object({
  seat: SeatCode,
  candidates: z.array(Candidate).min(1, 'must list at least one candidate').max(60),
  electorate: wholeVotes('electors').optional(),
  rejected: wholeVotes('rejected ballots').optional(),
  /** If given, must equal the sum of the candidates' votes: a check on typing. */
  validVotes: wholeVotes('valid votes').optional(),
  declaredAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2017-06-09T02:31:00+01:00' }).optional(),
  /** A tie for first place is decided by lot: name the winning candidate. */
  winnerByLot: oneLine(z.string().trim().min(1).max(200)).optional(),
  source: DeclarationSource.optional(),
  /** From PA's wire: the file and its revision (server/wire). */
  wire: WireFile.optional(),
  /**
   * The supplementary vote's second round: the second choices this count gives each
   * of the two candidates left in (shared/domain/supplementary-vote.ts). Mayoral only.
   */
  secondRound: z
    .array(
      z.object({
        name: oneLine(z.string().trim().min(1, 'must name a candidate left in the second round').max(200)),
        votes: wholeVotes('second choices'),
      }),
    )
    .max(2, 'must give second choices for at most the two candidates left in')
    .optional(),
  /**
   * Party codes the election does not know, sent as new parties on purpose.
   * Any other unknown code is refused (a typo such as "Labour" for Lab); these
   * are flagged on the desk and in the audit.
   */
  newParties: z.array(PartyCode).max(60).optional(),
});
export type DeclarationInput = z.infer<typeof DeclarationInput>;

export const Reason = oneLine(z.string().trim().min(3, 'must say why, in a few words').max(500));

/** A correction replaces the current declaration; basedOnVersion guards against silent overwrites. */
export const CorrectionInput = DeclarationInput.omit({ seat: true }).extend({
  reason: Reason,
  basedOnVersion: z.number().int().min(1).optional(),
});
export type CorrectionInput = z.infer<typeof CorrectionInput>;

export const SeatActionInput = z.object({
  reason: Reason,
  basedOnVersion: z.number().int().min(1).optional(),
});
export type SeatActionInput = z.infer<typeof SeatActionInput>;

/** A baseline vote: one party's (or one candidate's) votes in the baseline election. */
export const BaselineVote = z.object({
  party: PartyCode,
  votes: wholeVotes('votes'),
  name: z.string().optional(),
});
export type BaselineVote = z.infer<typeof BaselineVote>;

/**
 * What we knew of a seat before the night. It may be partial: the articles
 * give the holder and a majority, or only a range of majority percentages.
 */
export const SeatBaseline = z.object({
  /** null where the seat was vacant. */
  party: PartyCode.nullable(),
  mp: z.string().optional(),
  majority: z.number().int().min(0).optional(),
  majorityPercentRange: z
    .object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
    .refine((r) => r.min <= r.max, 'min must not exceed max')
    .optional(),
  votes: z.array(BaselineVote).optional(),
  electorate: z.number().int().min(0).optional(),
  /** true where the figures are a notional result on new boundaries. */
  notional: z.boolean().optional(),
});
export type SeatBaseline = z.infer<typeof SeatBaseline>;

/** Something an article said about a seat, with the article it came from. */
export const SeatNote = z.object({
  text: z.string().min(1),
  source: z.string().min(1),
});
export type SeatNote = z.infer<typeof SeatNote>;

export const Seat = z.object({
  code: SeatCode,
  name: z.string().min(1),
  baseline: SeatBaseline,
  /** Held at dissolution, where by-elections or defections changed it: shown beside the baseline, never compared. */
  heldAtDissolution: z.object({ party: PartyCode.nullable(), mp: z.string().optional() }).optional(),
  notes: z.array(SeatNote).default([]),
  /** Where the baseline figures came from (an article file or a data file). */
  source: z.string().min(1),
});
export type Seat = z.infer<typeof Seat>;

export const ElectionMode = z.enum(['live', 'rehearsal', 'test']);
export type ElectionMode = z.infer<typeof ElectionMode>;

/**
 * How a mayoral election is counted: its voting system, the area that declares the
 * whole result (the Greater London Returning Officer's London), and the mayor it
 * may hold or lose. The other seats of the election are its counting areas.
 */
export const MayoralCount = z.object({
  votingSystem: z.enum(['sv', 'fptp']),
  /** The seat that stands for the whole-area declaration (London: E12000007). */
  wholeArea: SeatCode,
  /** The baseline: the mayor in office before this election, and their party. */
  mayor: z.object({ name: z.string().min(1), party: PartyCode, elected: z.number().int().optional() }),
  /** This election's electorate per counting area, where published: the upper bound of the votes an area can still give. */
  electorates: z.record(z.string(), z.number().int().min(0)).optional(),
  /** Ballots cast across the whole area, where announced before the count (turnout): a bound on the votes still to come. */
  ballotsCast: z.number().int().min(0).optional(),
});
export type MayoralCount = z.infer<typeof MayoralCount>;

export const Election = z.object({
  id: ElectionId,
  name: z.string().min(1),
  kind: z.enum(['general', 'mayoral']),
  /** Mayoral elections counted area by area; absent for a general election and a one-seat mayoralty. */
  count: MayoralCount.optional(),
  /** Seats in the House (650 at a general election), whether or not all have a baseline here. */
  totalSeats: z.number().int().min(1),
  /** The election the baseline describes, e.g. "GE2015". */
  baselineName: z.string().min(1),
  pollingDay: z.iso.date().optional(),
  mode: ElectionMode.default('live'),
});
export type Election = z.infer<typeof Election>;

export const Party = z.object({
  code: PartyCode,
  name: z.string().min(1),
  /** Conventional broadcast colour; always shown with the code as a text label. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Party = z.infer<typeof Party>;

/**
 * Party continuity is data, not code (ELECTION-RULES): aliases name the same
 * party (Alliance = APNI), successors carry a seat across a rename (Brexit -> RUK).
 */
export const PartyContinuity = z.object({
  aliases: z.record(z.string(), PartyCode),
  successors: z.record(z.string(), PartyCode),
});
export type PartyContinuity = z.infer<typeof PartyContinuity>;

/** The article baseline file in data/. */
export const BaselineFile = z.object({
  parties: z.array(Party),
  continuity: PartyContinuity,
  elections: z.array(Election.extend({ seats: z.array(Seat).min(1) })),
});
export type BaselineFile = z.infer<typeof BaselineFile>;

// ---- Results, as computed by shared/domain and sent to screens ----

export const CandidateResult = Candidate.extend({
  share: z.number(),
  /** n/a (null) where the party did not stand in the baseline or the baseline has no shares. */
  shareChange: z.number().nullable(),
});
export type CandidateResult = z.infer<typeof CandidateResult>;

export const Swing = z.object({ from: PartyCode, to: PartyCode, points: z.number() });
export type Swing = z.infer<typeof Swing>;

export const ResultLabel = z.object({
  kind: z.enum(['HOLD', 'GAIN']),
  party: PartyCode,
  from: PartyCode.nullable(),
  text: z.string(),
});
export type ResultLabel = z.infer<typeof ResultLabel>;

export const Outcome = z.object({
  winner: Candidate,
  runnerUp: Candidate.nullable(),
  decidedByLot: z.boolean(),
  majority: z.number().int(),
  majorityPercent: z.number(),
  validVotes: z.number().int(),
  turnout: z.number().nullable(),
  turnoutChange: z.number().nullable(),
  candidates: z.array(CandidateResult),
  label: ResultLabel,
  swing: Swing.nullable(),
  /** The party-table effect: null where no party gains or loses (the Speaker). */
  gainFor: PartyCode.nullable(),
  lossFor: PartyCode.nullable(),
});
export type Outcome = z.infer<typeof Outcome>;

/** 'rushed': the winner is known (PA's rush) and the figures are awaited (ADR 0024). */
export const SeatStatus = z.enum(['undeclared', 'declared', 'recount', 'rushed']);
export type SeatStatus = z.infer<typeof SeatStatus>;

export const VersionKind = z.enum(['declared', 'corrected', 'recount', 'withdrawn', 'rushed']);
export type VersionKind = z.infer<typeof VersionKind>;

/**
 * A published declaration: the input as accepted, and when. Who entered it is
 * not public (an editor's username is half of their login): editors read it in the audit.
 */
export const Declaration = DeclarationInput.omit({ seat: true }).extend({
  enteredAt: z.string(),
});
export type Declaration = z.infer<typeof Declaration>;

/**
 * A rush: the winning party before the figures, as PA's wire sends it the moment the seat is
 * declared. Stored as a 'rushed' version; the full result replaces it (ADR 0024).
 */
export const RushInput = z.strictObject({
  party: PartyCode,
  /** The party PA names as sitting, and PA's own HOLD or GAIN, kept as sent. */
  sitting: PartyCode.nullable(),
  gainOrHold: z.enum(['gain', 'hold']),
  /** PA's line for the rush, as sent. */
  text: oneLine(z.string().max(500)).optional(),
  source: DeclarationSource,
  wire: WireFile.optional(),
});
export type RushInput = z.infer<typeof RushInput>;

/** A rush as the screens show it: HOLD or GAIN read against our baseline, as a full result's label is. */
export const SeatRush = RushInput.extend({
  label: ResultLabel,
  /** The party-table effect, as an outcome's: the seat counts for its winner before the figures. */
  gainFor: PartyCode.nullable(),
  lossFor: PartyCode.nullable(),
  enteredAt: z.string(),
});
export type SeatRush = z.infer<typeof SeatRush>;

export const SeatState = z.object({
  code: SeatCode,
  name: z.string(),
  status: SeatStatus,
  /** 0 before the first version; every declaration, correction, recount and withdrawal adds one. */
  version: z.number().int().min(0),
  lastChange: VersionKind.nullable(),
  lastReason: z.string().nullable(),
  declaration: Declaration.nullable(),
  outcome: Outcome.nullable(),
  /** Present while the seat is rushed: the winner and HOLD or GAIN, awaiting figures. */
  rush: SeatRush.optional(),
  updatedAt: z.string().nullable(),
});
export type SeatState = z.infer<typeof SeatState>;

export const PartyTableRow = z.object({
  party: PartyCode,
  seats: z.number().int(),
  gains: z.number().int(),
  losses: z.number().int(),
  net: z.number().int(),
  votes: z.number().int(),
  share: z.number(),
  shareChange: z.number().nullable(),
});
export type PartyTableRow = z.infer<typeof PartyTableRow>;

export const PartyTable = z.array(PartyTableRow);
export type PartyTable = z.infer<typeof PartyTable>;

/** Turnout over the declared seats whose electorate is known (ELECTION-RULES: turnout). */
export const HouseTurnout = z.object({
  /** Valid votes over the electorate, per cent, on these seats. */
  percent: z.number(),
  /** How many declared seats it rests on. */
  seats: z.number().int(),
  /** Against the baseline, on the seats where the baseline's electorate and votes are known too; else null. */
  change: z.number().nullable(),
});
export type HouseTurnout = z.infer<typeof HouseTurnout>;

/** Figures for the whole House that change with every declaration. */
export const HouseSummary = z.object({
  partyTable: PartyTable,
  declared: z.number().int(),
  totalSeats: z.number().int(),
  majorityLine: z.number().int(),
  nationalSwing: Swing.nullable(),
  /** null until a declared seat gives its electorate. */
  turnout: HouseTurnout.nullable(),
});
export type HouseSummary = z.infer<typeof HouseSummary>;

// ---- The exit poll ----

const seatsPerParty = z.record(
  PartyCode,
  z
    .number({ error: 'must be a whole number of seats >= 0' })
    .int('must be a whole number of seats >= 0')
    .min(0, 'must be a whole number of seats >= 0')
    .max(1000),
);

/** What an editor types in at 22:00: the broadcasters' seats per party ("Others" for the rest), and shares if given. */
export const ExitPollInput = z.object({
  seats: seatsPerParty.refine((seats) => Object.keys(seats).length > 0, 'must give at least one party its seats'),
  shares: z
    .record(
      PartyCode,
      z
        .number({ error: 'must be a per cent from 0 to 100' })
        .min(0, 'must be a per cent from 0 to 100')
        .max(100, 'must be a per cent from 0 to 100'),
    )
    .optional(),
  /** Whose poll: "BBC/ITV/Sky News (Ipsos)". */
  source: z.string().trim().min(1).max(200).optional(),
});
export type ExitPollInput = z.infer<typeof ExitPollInput>;

/** The exit poll as stored: every change is a new version, with who and when. */
export const ExitPoll = ExitPollInput.extend({
  version: z.number().int().min(1),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type ExitPoll = z.infer<typeof ExitPoll>;

// ---- Expected declaration times ----

/** When each seat is expected to declare: a newsroom's CSV (seat code, expected time), or the replay's own schedule. */
export const ExpectedTimesInput = z.object({
  times: z
    .array(
      z.object({
        seat: SeatCode,
        expectedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 time such as 2019-12-13T01:30:00Z' }),
      }),
    )
    .min(1, 'must give at least one seat its expected time')
    .max(2000),
});
export type ExpectedTimesInput = z.infer<typeof ExpectedTimesInput>;

// ---- Seats to watch, flagged by editors ----

/** The seats an editor flags to watch: the whole list each time (an empty list clears it), kept as a new version. */
export const SeatsToWatchInput = z.object({
  seats: z
    .array(SeatCode)
    .max(60, 'must flag no more than 60 seats')
    .refine((seats) => new Set(seats).size === seats.length, 'must not name a seat twice'),
});
export type SeatsToWatchInput = z.infer<typeof SeatsToWatchInput>;

/** A version of a night input as editors read it back: what was entered, by whom, when. */
export const NightInputVersion = z.object({
  version: z.number().int().min(1),
  enteredBy: z.string(),
  enteredAt: z.string(),
});

export const SeatsToWatchVersion = SeatsToWatchInput.extend(NightInputVersion.shape);
export type SeatsToWatchVersion = z.infer<typeof SeatsToWatchVersion>;

export const ElectionState = z.object({
  election: Election,
  seats: z.array(Seat),
  seatStates: z.array(SeatState),
  parties: z.array(Party),
  house: HouseSummary,
  /** Sequence number of the last change in this election: updates carry the next one. */
  seq: z.number().int().min(0),
  generatedAt: z.string(),
  get screen() {
    return ScreenSettings;
  },
  /** The latest version of the broadcasters' exit poll, or null before one is entered. */
  exitPoll: ExitPoll.nullable(),
  /** Expected declaration time by seat code (empty before a schedule is imported). */
  expectedTimes: z.record(z.string(), z.string()),
  /** The seats editors flagged to watch, in their order; absent or empty where none are flagged. */
  flaggedSeats: z.array(z.string()).optional(),
});
export type ElectionState = z.infer<typeof ElectionState>;

/** One numbered change: the seat's new state and the House figures after it. */
export const ElectionUpdate = z.object({
  election: ElectionId,
  seq: z.number().int().min(1),
  change: VersionKind,
  seat: SeatState,
  /**
   * The House figures after this change. Inside a batch (election:updates) only the
   * last update carries them, null on the others: late in a night the party table is
   * most of an update's bytes, and only the House after the whole batch is shown.
   */
  house: HouseSummary.nullable(),
  /** The copy-ready line for this change ("Croydon Central: Lab GAIN from Con. ..."). */
  line: z.string(),
  at: z.string(),
});
export type ElectionUpdate = z.infer<typeof ElectionUpdate>;

// ---- The big screen and the live blog ----

export const ScreenPanel = z.enum([
  'map',
  'party-table',
  'house',
  'latest',
  'seats-to-watch',
  'exit-poll',
  'targets',
  'next-to-declare',
  'projection',
  'race',
]);
export type ScreenPanel = z.infer<typeof ScreenPanel>;

/** What every big screen runs, set by an editor: panels in order, each for so long. */
export const ScreenSettings = z.object({
  panels: z
    // election: a panel of another election running on the same day (ADR 0025); absent, this screen's own.
    .array(z.object({ panel: ScreenPanel, seconds: z.number().int().min(3).max(600), election: ElectionId.optional() }))
    .min(1, 'must run at least one panel')
    .max(10),
  /** How long a new gain takes the stage before the screen goes back to its panels; 0 turns it off. */
  gainSpotlightSeconds: z.number().int().min(0).max(60),
});
export type ScreenSettings = z.infer<typeof ScreenSettings>;

export const DEFAULT_SCREEN: ScreenSettings = {
  panels: [
    { panel: 'map', seconds: 20 },
    { panel: 'party-table', seconds: 15 },
    { panel: 'seats-to-watch', seconds: 15 },
    // Left out of the turn until an exit poll is entered (client/src/lib/rotation.ts).
    { panel: 'exit-poll', seconds: 10 },
    // Left out until the first declaration.
    { panel: 'projection', seconds: 12 },
  ],
  gainSpotlightSeconds: 8,
};

export const ModeInput = z.object({ mode: ElectionMode });

export const HexLayout = z.enum(['odd-r', 'even-r', 'odd-q', 'even-q']);
export type HexLayout = z.infer<typeof HexLayout>;

/** Where one seat's hex sits, and its region (the projection's regions). */
export const HexPosition = z.object({ code: SeatCode, q: z.number().int(), r: z.number().int(), region: z.string().optional() });
export type HexPosition = z.infer<typeof HexPosition>;

export const HexMap = z.object({ layout: HexLayout, source: z.string(), hexes: z.array(HexPosition) });
export type HexMap = z.infer<typeof HexMap>;

/** One change as a live blog reads it: a copy-ready line, and whether it corrects or retracts an earlier one. */
export const FeedEntry = z.object({
  seq: z.number().int(),
  seat: SeatCode,
  name: z.string(),
  change: VersionKind,
  version: z.number().int(),
  line: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
  outcome: Outcome.nullable(),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

export const Feed = z.object({
  election: ElectionId,
  name: z.string(),
  mode: ElectionMode,
  seq: z.number().int(),
  /** The headline of the night as it stands (shared/domain/headline.ts): a copy-ready line too. */
  headline: z.string(),
  entries: z.array(FeedEntry),
});
export type Feed = z.infer<typeof Feed>;

/** One row an editor adds to the party continuity table. */
export const ContinuityEntry = z
  .object({
    code: PartyCode,
    kind: z.enum(['alias', 'successor']),
    target: PartyCode,
  })
  .refine((e) => e.code !== e.target, { path: ['target'], message: 'must differ from code' });
export type ContinuityEntry = z.infer<typeof ContinuityEntry>;
