/** Public reads: the elections and the whole state of one. */
import type { FastifyInstance } from 'fastify';
import type { ElectionService } from '../services/election-service.ts';

export function electionsRoutes(app: FastifyInstance, service: ElectionService) {
  app.get('/api/elections', async () => service.listElections());

  app.get<{ Params: { election: string } }>('/api/elections/:election/state', async (request) =>
    service.state(request.params.election),
  );

  app.get<{ Params: { election: string; seat: string } }>(
    '/api/elections/:election/seats/:seat/versions',
    async (request) => service.versions(request.params.election, request.params.seat),
  );
}
