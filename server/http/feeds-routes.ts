/**
 * Feeds a live-blog system can poll: JSON of changes since a sequence number,
 * and Atom. The ETag is the election's sequence number and mode, so a poll
 * with nothing new costs a 304 and no work.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ElectionService } from '../services/election-service.ts';
import { atomFeed } from './atom.ts';
import { alreadyHeld, REVALIDATE_EACH_TIME } from './etag.ts';
import { parseBody } from './parse.ts';

const Since = z.object({ since: z.coerce.number().int().min(0, 'must be a sequence number >= 0').default(0) });

type FeedRequest = FastifyRequest<{ Params: { election: string }; Querystring: unknown }>;

/** Answers 304 when the reader already has this version; otherwise sets the ETag. */
function notModified(request: FastifyRequest, reply: FastifyReply, tag: string): boolean {
  const etag = `W/"${tag}"`;
  reply.header('etag', etag).header('cache-control', REVALIDATE_EACH_TIME);
  if (alreadyHeld(request.headers['if-none-match'], etag)) {
    reply.code(304).send();
    return true;
  }
  return false;
}

export function feedsRoutes(app: FastifyInstance, service: ElectionService) {
  const tagOf = (request: FeedRequest, since: number, kind: string) => {
    const { seq, mode } = service.head(request.params.election);
    return `${kind}-${request.params.election}-${mode}-${seq}-${since}`;
  };

  app.get('/api/elections/:election/feed.json', async (request: FeedRequest, reply) => {
    const { since } = parseBody(Since, request.query);
    if (notModified(request, reply, tagOf(request, since, 'json'))) return reply;
    return service.feed(request.params.election, since);
  });

  app.get('/api/elections/:election/feed.atom', async (request: FeedRequest, reply) => {
    const { since } = parseBody(Since, request.query);
    if (notModified(request, reply, tagOf(request, since, 'atom'))) return reply;
    const feed = service.feed(request.params.election, since);
    const updated = feed.entries.at(-1)?.at ?? new Date(0).toISOString();
    const self = `${request.protocol}://${request.host}${request.url}`;
    reply.type('application/atom+xml; charset=utf-8');
    return atomFeed(feed, self, updated);
  });
}
