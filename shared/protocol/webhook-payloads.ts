/**
 * The bodies webhooks carry, built from a change as the server recorded it.
 * Pure: the outbox calls these inside the change's transaction and stores the bytes.
 */
import { headline, type Headline } from '../domain/headline.ts';
import { partyColour } from '../domain/party-colour.ts';
import type { Election, HouseSummary, Party, SeatState, VersionKind } from './schemas.ts';
import type { HeadlinePayload, SeatChangePayload, SlackMessage, WebhookEvent, WebhookImages, WebhookPayload } from './webhooks.ts';

/** The events a seat's change is one of. A withdrawal goes with corrections: both take back what was said. */
export function seatChangeEvents(kind: VersionKind, after: SeatState): WebhookEvent[] {
  switch (kind) {
    case 'declared':
      return after.outcome?.label.kind === 'GAIN' ? ['declarations', 'gains'] : ['declarations'];
    case 'corrected':
    case 'withdrawn':
      return ['corrections'];
    case 'recount':
      return ['recounts'];
    case 'rushed':
      // No endpoint asks for rushes yet (ADR 0024): the result that replaces one is sent as a declaration.
      return [];
  }
}

export const seatEventId = (electionId: string, seatCode: string, version: number) => `${electionId}:${seatCode}:v${version}`;

const TYPES: Record<VersionKind, SeatChangePayload['type']> = {
  declared: 'declaration',
  corrected: 'correction',
  recount: 'recount',
  withdrawn: 'withdrawal',
  rushed: 'rush',
};

export function electionPart(election: Election) {
  return { election: { id: election.id, name: election.name, mode: election.mode }, rehearsal: election.mode !== 'live' };
}

export interface SeatChange {
  election: Election;
  kind: VersionKind;
  before: SeatState;
  after: SeatState;
  seq: number;
  at: string;
  line: string;
  /** The line of the version this one follows, where there is one. */
  previousLine: string | null;
  images: WebhookImages | null;
}

export function seatChangePayload(change: SeatChange, events: WebhookEvent[], parties: readonly Party[]): SeatChangePayload {
  const { election, kind, before, after } = change;
  const outcome = after.outcome;
  return {
    id: seatEventId(election.id, after.code, after.version),
    type: TYPES[kind],
    change: kind,
    events,
    ...electionPart(election),
    seq: change.seq,
    at: change.at,
    line: change.line,
    reason: after.lastReason,
    seat: {
      code: after.code,
      name: after.name,
      version: after.version,
      status: after.status,
      result: outcome && {
        label: outcome.label.kind,
        text: outcome.label.text,
        party: outcome.label.party,
        from: outcome.label.from,
        winner: outcome.winner.name,
        majority: outcome.majority,
        majorityPercent: outcome.majorityPercent,
        validVotes: outcome.validVotes,
        turnout: outcome.turnout,
        swing: outcome.swing,
        candidates: outcome.candidates.map((c) => ({
          name: c.name,
          party: c.party,
          votes: c.votes,
          share: c.share,
          shareChange: c.shareChange,
          colour: partyColour(parties, c.party),
        })),
      },
    },
    replaces:
      before.version > 0
        ? { id: seatEventId(election.id, after.code, before.version), version: before.version, line: change.previousLine ?? '' }
        : null,
    images: change.images,
  };
}

export const headlineEventId = (electionId: string, seq: number) => `${electionId}:headline:${seq}`;

/** What every headline event carries, the House's or a mayoral race's (race-webhook.ts). */
export function headlineBase(election: Election, seq: number, at: string, line: string, images: WebhookImages | null) {
  return {
    id: headlineEventId(election.id, seq),
    type: 'headline' as const,
    events: ['headline' as const],
    ...electionPart(election),
    seq,
    at,
    line,
    images,
  };
}

export function headlinePayload(
  election: Election,
  seq: number,
  at: string,
  house: HouseSummary,
  previous: Headline | null,
  images: WebhookImages | null,
): HeadlinePayload {
  const now = headline(house);
  const line = (h: Headline) => `${election.name}: ${h.text}.`;
  return {
    ...headlineBase(election, seq, at, line(now), images),
    headline: {
      state: now.kind,
      party: now.party,
      seats: house.partyTable.find((r) => r.party === now.party)?.seats ?? 0,
      declared: house.declared,
      totalSeats: house.totalSeats,
      majorityLine: house.majorityLine,
    },
    previous: previous && { state: previous.kind, party: previous.party, line: line(previous) },
  };
}

/** The same change as a Slack-style message: the line, a colour bar in the winning party's colour, the image. */
export function slackMessage(payload: WebhookPayload, parties: readonly Party[]): SlackMessage {
  const rehearsal = payload.rehearsal ? `${payload.election.mode.toUpperCase()}, NOT REAL: ` : '';
  const party = 'race' in payload ? payload.race.party : payload.type === 'headline' ? payload.headline.party : payload.seat.result?.party;
  const title = payload.type === 'headline' ? payload.election.name : payload.seat.name;
  const image = payload.images?.landscape;
  return {
    text: `${rehearsal}${payload.line}`,
    attachments: [
      {
        color: partyColour(parties, party ?? ''),
        fallback: `${rehearsal}${payload.line}`,
        title,
        text: payload.line,
        ...(image ? { image_url: image } : {}),
        footer: `${payload.election.name}${payload.rehearsal ? ` (${payload.election.mode})` : ''} · ${payload.id}`,
      },
    ],
  };
}
