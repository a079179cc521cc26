/** Public reads: the elections, the whole state of one, and its reference data (fetched once by screens). */
import type { FastifyInstance } from 'fastify';
import type { ElectionListing } from '../../shared/protocol/http-replies.ts';
import type { ElectionService } from '../services/election-service.ts';
import { LIVE_PUBLIC, JSON_TYPE, sendTagged } from './etag.ts';
import { sendReference } from './reference-reply.ts';
import { stateReplies } from './state-reply.ts';

export function electionsRoutes(app: FastifyInstance, service: ElectionService) {
  app.get('/api/elections', async (): Promise<ElectionListing[]> => service.listElections());

  const stateReply = stateReplies(service);
  app.get<{ Params: { election: string } }>('/api/elections/:election/state', async (request, reply) => {
    const { etag, json } = stateReply(request.params.election);
    return sendTagged(request, reply, { etag, cacheControl: LIVE_PUBLIC, type: JSON_TYPE, body: () => json });
  });

  app.get<{ Params: { election: string } }>('/api/elections/:election/reference', async (request, reply) =>
    sendReference(request, reply, service.reference(request.params.election)),
  );

  app.get<{ Params: { election: string; seat: string } }>('/api/elections/:election/seats/:seat/versions', async (request) =>
    service.versions(request.params.election, request.params.seat),
  );
}
