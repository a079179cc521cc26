/** Public reads: the elections, the whole state of one, and its reference data (fetched once by screens). */
import type { FastifyInstance } from 'fastify';
import type { ElectionListing } from '../../shared/protocol/http-replies.ts';
import type { ElectionService } from '../services/election-service.ts';
import { LIVE_PUBLIC, REVALIDATE_EACH_TIME, sendTagged } from './etag.ts';
import { referenceJson, referenceTag } from './reference-reply.ts';
import { stateReplies } from './state-reply.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export function electionsRoutes(app: FastifyInstance, service: ElectionService) {
  app.get('/api/elections', async (): Promise<ElectionListing[]> => service.listElections());

  const stateReply = stateReplies(service);
  app.get<{ Params: { election: string } }>('/api/elections/:election/state', async (request, reply) => {
    const { etag, json } = stateReply(request.params.election);
    return sendTagged(request, reply, { etag, cacheControl: LIVE_PUBLIC, type: JSON_TYPE, body: () => json });
  });

  app.get<{ Params: { election: string } }>('/api/elections/:election/reference', async (request, reply) => {
    const reference = service.reference(request.params.election);
    const etag = referenceTag(reference);
    return sendTagged(request, reply, { etag, cacheControl: REVALIDATE_EACH_TIME, type: JSON_TYPE, body: () => referenceJson(reference) });
  });

  app.get<{ Params: { election: string; seat: string } }>(
    '/api/elections/:election/seats/:seat/versions',
    async (request) => service.versions(request.params.election, request.params.seat),
  );
}
