/** PA's wire as the desk sees it, and what editors send about it (zod: the one source of each type). */
import { z } from 'zod';
import { DeclarationInput, Reason } from './schemas.ts';

export const WirePublish = z.enum(['at-once', 'confirm']);
export type WirePublish = z.infer<typeof WirePublish>;

export const WireSettingsInput = z.strictObject({ publish: WirePublish });
export type WireSettingsInput = z.infer<typeof WireSettingsInput>;

/** An editor's call on a held wire result: publish the wire's figures, or keep the desk's (the wire's stay in the log). */
export const WireDecisionInput = z.strictObject({
  action: z.enum(['publish', 'keep-desk']),
  reason: Reason.optional(),
});
export type WireDecisionInput = z.infer<typeof WireDecisionInput>;

/** A file as the ingest process fetched it, for the server to read and apply. */
export const WireFileInput = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'must be a file name, not a path'),
  xml: z.string().max(1_000_000),
});
export type WireFileInput = z.infer<typeof WireFileInput>;

/** Files fetched together: settled in one transaction, in order (ADR 0024). The body limit (256 KB) bounds the lot. */
export const WireFilesInput = z.strictObject({ files: z.array(WireFileInput).min(1, 'must hold at least one file').max(100) });
export type WireFilesInput = z.infer<typeof WireFilesInput>;

/** The ingest process's word on its source after every poll. */
export const WireFeedReport = z.strictObject({
  ok: z.boolean(),
  detail: z.string().max(500),
});
export type WireFeedReport = z.infer<typeof WireFeedReport>;

export const WireFeed = z.object({
  state: z.enum(['off', 'up', 'down']),
  detail: z.string(),
  since: z.string().nullable(),
  /** The last time the poller reached its source. */
  lastOkAt: z.string().nullable(),
});
export type WireFeed = z.infer<typeof WireFeed>;

const WireFigures = DeclarationInput.omit({ seat: true });

export const WireHeld = z.object({
  id: z.number().int(),
  file: z.string(),
  revision: z.number().int(),
  seat: z.string(),
  name: z.string(),
  heldFor: z.enum(['confirm', 'disagree']),
  wire: WireFigures,
  /** What the screens show now (the desk's figures where they disagree); null before a declaration. */
  desk: WireFigures.nullable(),
  deskVersion: z.number().int(),
  receivedAt: z.string(),
});
export type WireHeld = z.infer<typeof WireHeld>;

export const WireRush = z.object({
  seat: z.string(),
  name: z.string(),
  file: z.string(),
  label: z.string(),
  gainOrHold: z.enum(['gain', 'hold']),
  party: z.string(),
  from: z.string(),
  receivedAt: z.string(),
});
export type WireRush = z.infer<typeof WireRush>;

export const SopDifference = z.object({
  party: z.string(),
  pa: z.object({ seats: z.number(), gains: z.number(), losses: z.number() }),
  ours: z.object({ seats: z.number(), gains: z.number(), losses: z.number() }),
});
export type SopDifference = z.infer<typeof SopDifference>;

export const SopCheck = z.object({
  file: z.string(),
  paResults: z.number().int(),
  ourResults: z.number().int(),
  differences: z.array(SopDifference),
  at: z.string(),
});
export type SopCheck = z.infer<typeof SopCheck>;

export const WireProblem = z.object({ file: z.string(), reason: z.string(), at: z.string() });
export type WireProblem = z.infer<typeof WireProblem>;

export const WireDesk = z.object({
  election: z.string(),
  publish: WirePublish,
  feed: WireFeed,
  held: z.array(WireHeld),
  rushes: z.array(WireRush),
  recounts: z.array(z.object({ seat: z.string(), name: z.string(), file: z.string() })),
  problems: z.array(WireProblem),
  sop: SopCheck.nullable(),
  /** Seats found by a name that was not letter for letter PA's. */
  inexactNames: z.array(z.string()),
  counts: z.object({ applied: z.number().int(), skipped: z.number().int(), held: z.number().int() }),
});
export type WireDesk = z.infer<typeof WireDesk>;

/** The wire's log: every file settled, with the wire's figures kept beside whatever the desk decided. */
export const WireLogEntry = z.object({
  file: z.string(),
  kind: z.string(),
  seat: z.string().nullable(),
  revision: z.number().int(),
  outcome: z.enum(['applied', 'skipped', 'held']),
  note: z.string(),
  receivedAt: z.string(),
  publishedSeq: z.number().int().nullable(),
  heldFor: z.string().nullable(),
  resolution: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
  wire: WireFigures.nullable(),
});
export type WireLogEntry = z.infer<typeof WireLogEntry>;
