/**
 * The light embeds' reads (issue 11): one seat, the party table, the latest
 * declarations, the mayoral race. Each is shaped once per change of the election
 * (its seq, mode or reference) and kept with its compressed forms, so a CDN's misses
 * and a crowd of readers between two declarations cost no work here.
 *
 * A reader's embed then asks `?since=VERSION` (the version of the reply it holds,
 * ADR 0031): a 204 while nothing has changed, only the changes once something has,
 * the whole reply when that version is no longer kept. Every reader holding the same
 * version asks the same address, so a cache in front answers them all.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { latestEmbed, partyTableEmbed, seatEmbed } from '../../shared/protocol/embed-replies.ts';
import { raceEmbed } from '../../shared/protocol/race-embed.ts';
import { SeatCode, type ElectionState } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';
import { EmbedVersions, type Made } from './embed-versions.ts';
import { alreadyHeld, CACHE_UNTIL_HEADER, EMBED_PUBLIC, JSON_TYPE, sendTagged, tagOf, untilThisSecondEnds } from './etag.ts';
import { parseInput } from './parse.ts';

const SeatParams = z.object({ election: z.string(), seat: SeatCode });
const SinceQuery = z.object({
  since: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be the version of a reply this embed was sent')
    .optional(),
});

export function embedRoutes(app: FastifyInstance, service: ElectionService) {
  // One entry per election that exists (an unknown id is refused by head() first).
  const versions = new Map<string, { state: ElectionState | null; tag: string; replies: EmbedVersions }>();

  function reply(electionId: string, key: string, shape: (state: ElectionState) => object | null) {
    const { seq, mode, referenceVersion } = service.head(electionId);
    const tag = tagOf('embed', seq, mode, referenceVersion);
    let election = versions.get(electionId);
    if (election === undefined) versions.set(electionId, (election = { state: null, tag, replies: new EmbedVersions() }));
    if (election.tag !== tag) Object.assign(election, { tag, state: null });
    const made = election.replies.reply(tag, key, () => shape((election.state ??= service.state(electionId))));
    return made === null ? null : { made, replies: election.replies, key };
  }

  const send = (request: FastifyRequest, response: FastifyReply, made: Made) =>
    sendTagged(request, response.header(CACHE_UNTIL_HEADER, untilThisSecondEnds()), {
      etag: made.etag,
      cacheControl: EMBED_PUBLIC,
      type: JSON_TYPE,
      body: () => made.body,
    });

  /** The whole reply, or, to `?since=VERSION`, a 204, the changes, or the whole reply if that version is not kept. */
  function answer(request: FastifyRequest, response: FastifyReply, found: NonNullable<ReturnType<typeof reply>>) {
    const { since } = parseInput(SinceQuery, request.query);
    if (since === undefined) return send(request, response, found.made);
    const said = found.replies.since(found.key, found.made, since);
    if (said.kind === 'same') {
      // Nothing new: cached like the reply itself, and revalidated to a 304 as it is.
      response
        .header('etag', said.etag)
        .header('cache-control', EMBED_PUBLIC)
        .header(CACHE_UNTIL_HEADER, untilThisSecondEnds())
        .header('vary', 'accept-encoding');
      return response.code(alreadyHeld(request.headers['if-none-match'], said.etag) ? 304 : 204).send();
    }
    return send(request, response, said.made);
  }

  app.get('/api/elections/:election/seats/:seat', async (request, response) => {
    const { election, seat } = parseInput(SeatParams, request.params);
    const found = reply(election, `seat:${seat}`, (state) => seatEmbed(state, service.continuity(), seat));
    if (found === null)
      throw new RefusedError(404, `seat: no seat ${seat} in ${election}`, [{ path: 'seat', message: `no seat ${seat} in ${election}` }]);
    return answer(request, response, found);
  });

  app.get<{ Params: { election: string } }>('/api/elections/:election/party-table', async (request, response) =>
    answer(
      request,
      response,
      reply(request.params.election, 'party-table', (state) => partyTableEmbed(state, service.continuity()))!,
    ),
  );

  app.get<{ Params: { election: string } }>('/api/elections/:election/latest', async (request, response) =>
    answer(
      request,
      response,
      reply(request.params.election, 'latest', (state) => latestEmbed(state, service.continuity()))!,
    ),
  );

  // The mayoral race (ADR 0025): a count's running totals, areas, gap and result.
  app.get<{ Params: { election: string } }>('/api/elections/:election/race', async (request, response) => {
    const { election } = request.params;
    const found = reply(election, 'race', (state) => raceEmbed(state, service.continuity()));
    if (found === null)
      throw new RefusedError(404, `election: ${election} is not a mayoral count`, [
        { path: 'election', message: `${election} is not a mayoral count` },
      ]);
    return answer(request, response, found);
  });
}
