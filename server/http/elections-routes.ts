/** Public reads: the elections, the whole state of one, and its reference data (fetched once by screens). */
import type { FastifyInstance } from 'fastify';
import type { ElectionService } from '../services/election-service.ts';
import { alreadyHeld, REVALIDATE_EACH_TIME } from './etag.ts';
import { referenceJson, referenceTag } from './reference-reply.ts';

export function electionsRoutes(app: FastifyInstance, service: ElectionService) {
  app.get('/api/elections', async () => service.listElections());

  app.get<{ Params: { election: string } }>('/api/elections/:election/state', async (request) =>
    service.state(request.params.election),
  );

  app.get<{ Params: { election: string } }>('/api/elections/:election/reference', async (request, reply) => {
    const reference = service.reference(request.params.election);
    const etag = referenceTag(reference);
    reply.header('etag', etag).header('cache-control', REVALIDATE_EACH_TIME);
    if (alreadyHeld(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(referenceJson(reference));
  });

  app.get<{ Params: { election: string; seat: string } }>(
    '/api/elections/:election/seats/:seat/versions',
    async (request) => service.versions(request.params.election, request.params.seat),
  );
}
