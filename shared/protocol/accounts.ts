/** Accounts, sessions, tokens and the editors' desk: the types that cross the HTTP and socket boundary. */
import { z } from 'zod';
import { oneLine } from './text.ts';
import { Candidate, DeclarationInput, PartyContinuity, SeatCode } from './schemas.ts';

export const Role = z.enum(['admin', 'editor']);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$/, 'must be 2-40 letters, digits, dots, dashes or underscores');

export const LoginInput = z.object({
  username: Username,
  password: z.string().min(1, 'must be given').max(1000),
});
export type LoginInput = z.infer<typeof LoginInput>;

export const NewUserInput = z.object({
  username: Username,
  password: z.string().min(12, 'must be at least 12 characters').max(1000),
  role: Role,
});
export type NewUserInput = z.infer<typeof NewUserInput>;

export const NewTokenInput = z.object({
  name: oneLine(z.string().trim().min(3, 'must say what the token is for').max(100)),
  /** The user the token acts for (a second editor must be a second person); the admin making it if not given. */
  forUser: Username.optional(),
});

export const ConfirmationSetting = z.object({ requireConfirmation: z.boolean() });

/** One account as GET /api/users lists it: never its password hash. Field names are the table's. */
export const UserListing = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  created_by: z.string(),
  created_at: z.string(),
  disabled_at: z.string().nullable(),
});
export type UserListing = z.infer<typeof UserListing>;

/** One token as GET /api/tokens lists it: never the token itself. */
export const TokenListing = z.object({
  id: z.number().int(),
  name: z.string(),
  for_user: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  revoked_by: z.string().nullable(),
  revoked_at: z.string().nullable(),
});
export type TokenListing = z.infer<typeof TokenListing>;

/** The reply to POST /api/tokens: the only time the token is sent. */
export const NewToken = TokenListing.extend({ token: z.string() });
export type NewToken = z.infer<typeof NewToken>;

/** Who is signed in, and the token every state-changing request of this session must carry in x-csrf-token. */
export const SessionInfo = z.object({
  user: z.object({ username: z.string(), role: Role }).nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** A declaration or correction held until a second editor confirms it: editors only. */
export const PendingEntry = z.object({
  id: z.number().int(),
  seat: SeatCode,
  name: z.string(),
  kind: z.enum(['declared', 'corrected']),
  basedOnVersion: z.number().int(),
  declaration: DeclarationInput.omit({ seat: true }),
  reason: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type PendingEntry = z.infer<typeof PendingEntry>;

/** What the confirming editor re-types: the figures, candidate by candidate in the same order. */
export const ConfirmInput = z.object({
  candidates: z.array(Candidate).min(1).max(60),
  electorate: z.number().int().min(0).optional(),
  rejected: z.number().int().min(0).optional(),
});
export type ConfirmInput = z.infer<typeof ConfirmInput>;

export const DeskInfo = z.object({
  requireConfirmation: z.boolean(),
  continuity: PartyContinuity,
  pending: z.array(PendingEntry),
});
export type DeskInfo = z.infer<typeof DeskInfo>;

export const Presence = z.object({ username: z.string(), seat: SeatCode, since: z.string() });
export type Presence = z.infer<typeof Presence>;

/** One row of the audit trail: a published version, or an entry held for confirmation. */
export const AuditRow = z.object({
  seat: SeatCode,
  name: z.string(),
  version: z.number().int().nullable(),
  seq: z.number().int().nullable(),
  kind: z.string(),
  status: z.enum(['published', 'pending', 'confirmed', 'superseded']),
  enteredBy: z.string(),
  enteredAt: z.string(),
  confirmedBy: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.string().nullable(),
  declaredAt: z.string().nullable(),
  /** Party codes the entry sent as new parties on purpose ("Yorks, NHA"), else null. */
  newParties: z.string().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditRow = z.infer<typeof AuditRow>;

/** One version of something entered for the whole night (the exit poll, the seats to watch), as the audit page lists it. */
export const NightInputAuditRow = z.object({
  input: z.enum(['exit-poll', 'seats-to-watch']),
  version: z.number().int(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  /** "Con 368, Lab 191, ..." or "Bolsover, Blyth Valley"; the version before it, null for the first. */
  before: z.string().nullable(),
  after: z.string(),
});
export type NightInputAuditRow = z.infer<typeof NightInputAuditRow>;
