/**
 * The light embeds' reads (issue 11): one seat, the party table, the latest
 * declarations. Each is shaped once per change of the election (its seq,
 * mode or reference) and kept with its compressed forms, so a CDN's misses
 * and a crowd of readers between two declarations cost no work here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { latestEmbed, partyTableEmbed, seatEmbed, type EmbedReply } from '../../shared/protocol/embed-replies.ts';
import { raceEmbed, type RaceEmbedReply } from '../../shared/protocol/race-embed.ts';
import { SeatCode, type ElectionState } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';
import { EncodedBody } from './encoded-body.ts';
import { EMBED_PUBLIC, JSON_TYPE, sendTagged, tagOf } from './etag.ts';
import { parseInput } from './parse.ts';

const SeatParams = z.object({ election: z.string(), seat: SeatCode });

interface Shaped {
  tag: string;
  state: ElectionState;
  replies: Map<string, { etag: string; body: EncodedBody }>;
}

export function embedRoutes(app: FastifyInstance, service: ElectionService) {
  // One entry per election that exists (an unknown id is refused by head() first); seats per entry are bounded by the election's seats.
  const latest = new Map<string, Shaped>();

  function reply(electionId: string, key: string, shape: (state: ElectionState) => EmbedReply | RaceEmbedReply | null) {
    const { seq, mode, referenceVersion } = service.head(electionId);
    const tag = tagOf('embed', seq, mode, referenceVersion);
    let shaped = latest.get(electionId);
    if (shaped?.tag !== tag) {
      shaped = { tag, state: service.state(electionId), replies: new Map() };
      latest.set(electionId, shaped);
    }
    let made = shaped.replies.get(key);
    if (made === undefined) {
      const value = shape(shaped.state);
      if (value === null) return null;
      made = { etag: tagOf(tag, key), body: EncodedBody.of(JSON.stringify(value)) };
      shaped.replies.set(key, made);
    }
    return made;
  }

  const send = (request: FastifyRequest, reply: Parameters<typeof sendTagged>[1], made: { etag: string; body: EncodedBody }) =>
    sendTagged(request, reply, { etag: made.etag, cacheControl: EMBED_PUBLIC, type: JSON_TYPE, body: () => made.body });

  app.get('/api/elections/:election/seats/:seat', async (request, response) => {
    const { election, seat } = parseInput(SeatParams, request.params);
    const made = reply(election, `seat:${seat}`, (state) => seatEmbed(state, service.continuity(), seat));
    if (made === null)
      throw new RefusedError(404, `seat: no seat ${seat} in ${election}`, [{ path: 'seat', message: `no seat ${seat} in ${election}` }]);
    return send(request, response, made);
  });

  app.get<{ Params: { election: string } }>('/api/elections/:election/party-table', async (request, response) =>
    send(
      request,
      response,
      reply(request.params.election, 'party-table', (state) => partyTableEmbed(state, service.continuity()))!,
    ),
  );

  app.get<{ Params: { election: string } }>('/api/elections/:election/latest', async (request, response) =>
    send(
      request,
      response,
      reply(request.params.election, 'latest', (state) => latestEmbed(state, service.continuity()))!,
    ),
  );

  // The mayoral race (ADR 0025): a count's running totals, areas, gap and result.
  app.get<{ Params: { election: string } }>('/api/elections/:election/race', async (request, response) => {
    const { election } = request.params;
    const made = reply(election, 'race', (state) => raceEmbed(state, service.continuity()));
    if (made === null)
      throw new RefusedError(404, `election: ${election} is not a mayoral count`, [
        { path: 'election', message: `${election} is not a mayoral count` },
      ]);
    return send(request, response, made);
  });
}
