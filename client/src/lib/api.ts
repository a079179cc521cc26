/** The public reads every screen makes, and the screen settings editors save; each through http.ts. */
import type { CompactSnapshot, NightReference } from '../../../shared/protocol/compact-snapshot.ts';
import type { ElectionListing } from '../../../shared/protocol/http-replies.ts';
import type {
  Election,
  ElectionMode,
  ElectionState,
  ExitPoll,
  ExitPollInput,
  Feed,
  HexMap,
  ScreenSettings,
  SeatsToWatchVersion,
} from '../../../shared/protocol/schemas.ts';
import { electionUrl, read, request } from './http.ts';

export type { ElectionListing } from '../../../shared/protocol/http-replies.ts';

export function fetchElections(): Promise<ElectionListing[]> {
  return read<ElectionListing[]>('/api/elections');
}

export function fetchElectionState(electionId: string): Promise<ElectionState> {
  // The state may be cached for 2 s; a screen that asks has seen something newer: revalidate (a 304 when unchanged).
  return read<ElectionState>(`${electionUrl(electionId)}/state`, 'no-cache');
}

/**
 * The state a screen starts from, over cacheable HTTP, with the ETag the socket is told it holds
 * (election:resume). null when it cannot be had: the socket's own snapshot follows instead.
 */
export async function fetchSnapshot(electionId: string, { lean = false } = {}): Promise<{ snapshot: CompactSnapshot; tag: string } | null> {
  const reply = await request<CompactSnapshot>('GET', `${electionUrl(electionId)}/${lean ? 'lean-snapshot' : 'snapshot'}`);
  return reply.ok && reply.etag !== undefined ? { snapshot: reply.value, tag: reply.etag } : null;
}

/** Seats, baselines, parties and candidate lists: what a compact snapshot is read against (lean: the lean one's, lean-night.ts). */
export function fetchReference(electionId: string, { lean = false } = {}): Promise<NightReference> {
  return read<NightReference>(`${electionUrl(electionId)}/${lean ? 'lean-reference' : 'reference'}`);
}

/** The lean snapshot afresh (revalidated: the socket has said there is newer), for a lean screen's resync. */
export function fetchLeanSnapshot(electionId: string): Promise<CompactSnapshot> {
  return read<CompactSnapshot>(`${electionUrl(electionId)}/lean-snapshot`, 'no-cache');
}

/** The election to show: the one asked for if it exists, else ge2017, else the first. */
export function chooseElection(elections: readonly { id: string }[], asked: string | null): string | null {
  if (asked !== null && elections.some((e) => e.id === asked)) return asked;
  return elections.find((e) => e.id === 'ge2017')?.id ?? elections[0]?.id ?? null;
}

// ---- The big screen, the embeds and the screen settings (issue 4) ----

/** The election's hex map, or null where it has none (the article elections). */
export function fetchHexMap(electionId: string): Promise<HexMap | null> {
  return read<HexMap | null>(`${electionUrl(electionId)}/hexmap`);
}

/** Changes after a sequence number, each with its copy-ready line. */
export function fetchFeed(electionId: string, since: number): Promise<Feed> {
  return read<Feed>(`${electionUrl(electionId)}/feed.json?since=${Math.max(0, Math.floor(since))}`);
}

/** Which panels every big screen runs, in what order and for how long. */
export function saveScreenSettings({ electionId, screen }: { electionId: string; screen: ScreenSettings }) {
  return request<ScreenSettings>('PUT', `${electionUrl(electionId)}/screen`, { body: screen });
}

/** The broadcasters' exit poll, as typed: a new version every time, and every screen follows. */
export function saveExitPoll({ electionId, poll }: { electionId: string; poll: ExitPollInput }) {
  return request<ExitPoll>('PUT', `${electionUrl(electionId)}/exit-poll`, { body: poll });
}

/** The seats to watch, the whole list: a new version every time, and every screen follows. */
export function saveSeatsToWatch({ electionId, seats }: { electionId: string; seats: string[] }) {
  return request<SeatsToWatchVersion>('PUT', `${electionUrl(electionId)}/seats-to-watch`, { body: { seats } });
}

/** Live, rehearsal or test: anything but live puts a banner on every screen, embed and feed. */
export function saveMode({ electionId, mode }: { electionId: string; mode: ElectionMode }) {
  return request<Election>('PUT', `${electionUrl(electionId)}/mode`, { body: { mode } });
}
