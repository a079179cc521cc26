/** Webhooks: what an admin registers, what the admin page lists, and the body a receiver gets. */
import { z } from 'zod';
import { ElectionId, ElectionMode, PartyCode, SeatCode, type SeatStatus, VersionKind } from './schemas.ts';

/**
 * What an endpoint can ask for. A change is sent once to an endpoint that asked for any event it is:
 * a gain is a declaration too, and an endpoint with both gets it once.
 */
export const WebhookEvent = z.enum(['declarations', 'gains', 'corrections', 'recounts', 'headline']);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** json: this system's signed body; slack: a Slack-style incoming-webhook message (the line, in the party's colour). */
export const WebhookFormat = z.enum(['json', 'slack']);
export type WebhookFormat = z.infer<typeof WebhookFormat>;

export const NewWebhookInput = z.object({
  name: z.string().trim().min(3, 'must say what the endpoint is, in a few words').max(100),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http:// or https:// address'),
  /** Given, or generated and shown once. */
  secret: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  format: WebhookFormat.default('json'),
  events: z
    .array(WebhookEvent)
    .min(1, 'must name at least one event')
    .transform((list) => [...new Set(list)]),
  /** Omitted: every election. */
  election: ElectionId.optional(),
});
export type NewWebhookInput = z.input<typeof NewWebhookInput>;
export type NewWebhookFields = z.output<typeof NewWebhookInput>;

export const DeliveryStatus = z.enum(['pending', 'delivered', 'dead']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** An endpoint as GET /api/webhooks lists it: the secret's last four characters only. */
export interface WebhookListing {
  id: number;
  name: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  election: string | null;
  secretHint: string;
  createdBy: string;
  createdAt: string;
  disabledAt: string | null;
  counts: Record<DeliveryStatus, number>;
}

/** The answer to POST /api/webhooks: the secret, shown this once. */
export interface NewWebhook extends WebhookListing {
  secret: string;
}

export interface DeliveryListing {
  id: number;
  endpointId: number;
  idempotencyKey: string;
  event: string;
  election: string;
  mode: ElectionMode;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  resentFrom: number | null;
  /** The copy-ready line (or the headline) it carries. */
  summary: string;
}

// ---- The body a json endpoint receives ----

export interface WebhookCandidate {
  name: string;
  party: string;
  votes: number;
  share: number;
  shareChange: number | null;
  colour: string;
}

export interface WebhookImages {
  landscape: string;
  square: string;
}

/** What every body has. */
interface PayloadBase {
  /** The event's id, also sent as Idempotency-Key: election:seat:vVERSION, or election:headline:SEQ. */
  id: string;
  /** The endpoint's events this change is one of. */
  events: WebhookEvent[];
  election: { id: string; name: string; mode: ElectionMode };
  /** true outside live mode: the figures are a rehearsal's or a test's, never to be published as real. */
  rehearsal: boolean;
  seq: number;
  at: string;
  /** The copy-ready line. */
  line: string;
  /** Its share images (null where the change has no result to show). */
  images: WebhookImages | null;
}

/** A seat's change: a declaration (type declaration), correction, recount or withdrawal. */
export interface SeatChangePayload extends PayloadBase {
  type: 'declaration' | 'correction' | 'recount' | 'withdrawal' | 'rush';
  change: VersionKind;
  reason: string | null;
  seat: {
    code: z.infer<typeof SeatCode>;
    name: string;
    version: number;
    status: SeatStatus;
    result: null | {
      label: 'HOLD' | 'GAIN';
      text: string;
      party: z.infer<typeof PartyCode>;
      from: string | null;
      winner: string;
      majority: number;
      majorityPercent: number;
      validVotes: number;
      turnout: number | null;
      swing: { from: string; to: string; points: number } | null;
      candidates: WebhookCandidate[];
    };
  };
  /** Set on a correction, recount or withdrawal: the version it replaces, by its event id, with that version's line. */
  replaces: { id: string; version: number; line: string } | null;
}

/** The House's headline changed: a new leader, a majority won, or a hung parliament certain. */
export interface HeadlinePayload extends PayloadBase {
  type: 'headline';
  headline: { state: string; party: string | null; seats: number; declared: number; totalSeats: number; majorityLine: number };
  previous: { state: string; party: string | null; line: string } | null;
}

/** A mayoral count's story changed (ADR 0025): a new leader, the leader now safe, or the mayor declared. */
export interface RaceHeadlinePayload extends PayloadBase {
  type: 'headline';
  race: {
    state: 'waiting' | 'level' | 'leads' | 'cannot-be-caught' | 'elected';
    candidate: string | null;
    party: string | null;
    gap: number;
    areasDeclared: number;
    areasTotal: number;
    /** HOLD/GAIN of the mayoralty once declared ("Lab HOLD"), else null. */
    result: string | null;
  };
  previous: { state: string; candidate: string | null; line: string } | null;
}

export type WebhookPayload = SeatChangePayload | HeadlinePayload | RaceHeadlinePayload;

/** What a Slack-style incoming webhook takes: the line as text, and an attachment in the party's colour. */
export interface SlackMessage {
  text: string;
  attachments: Array<{ color: string; fallback: string; title: string; text: string; image_url?: string; footer: string }>;
}
