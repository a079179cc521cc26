/**
 * Feeds a live-blog system can poll: JSON of changes since a sequence number,
 * and Atom. Each change is serialised once (server/http/feed-cache.ts); the
 * ETag is made from the election's seq, mode and reference and the clamped
 * `since`, so a poll with nothing new costs a 304 and no work.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ElectionService } from '../services/election-service.ts';
import { JSON_TYPE, LIVE_PUBLIC, sendTagged } from './etag.ts';
import { feedCache, type FeedReply } from './feed-cache.ts';
import { parseInput } from './parse.ts';

// Past the election's last seq there is nothing more to send: the cache clamps `since` to it.
const Since = z.object({
  since: z.coerce.number().int('must be a whole sequence number >= 0').min(0, 'must be a sequence number >= 0').default(0),
});

type FeedRequest = FastifyRequest<{ Params: { election: string }; Querystring: unknown }>;

const send = (request: FastifyRequest, reply: FastifyReply, { etag, body }: FeedReply, type: string) =>
  sendTagged(request, reply, { etag, cacheControl: LIVE_PUBLIC, type, body: () => body });

/**
 * `publicUrl`: the site's public address (ELECTION_PUBLIC_URL) for the Atom feed's
 * self link; without it the link is a path, never the request's Host.
 */
export function feedsRoutes(app: FastifyInstance, service: ElectionService, { publicUrl = '' }: { publicUrl?: string } = {}) {
  const feeds = feedCache(service);

  app.get('/api/elections/:election/feed.json', async (request: FeedRequest, reply) => {
    const { since } = parseInput(Since, request.query);
    return send(request, reply, feeds.json(request.params.election, since), JSON_TYPE);
  });

  app.get('/api/elections/:election/feed.atom', async (request: FeedRequest, reply) => {
    const { since } = parseInput(Since, request.query);
    const election = request.params.election;
    const self = (from: number) =>
      `${publicUrl}/api/elections/${encodeURIComponent(election)}/feed.atom${from > 0 ? `?since=${from}` : ''}`;
    return send(request, reply, feeds.atom(election, since, self), 'application/atom+xml; charset=utf-8');
  });
}
