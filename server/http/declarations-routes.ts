/** Writes: a declaration, and a correction, recount or withdrawal on a seat. Each is a new version. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CorrectionInput, DeclarationInput, SeatActionInput } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { parseBody } from './parse.ts';

type SeatParams = { Params: { election: string; seat: string } };

export function declarationsRoutes(
  app: FastifyInstance,
  service: ElectionService,
  writer: (request: FastifyRequest) => string,
) {
  const reply = (update: { seat: unknown; seq: number }) => ({ seat: update.seat, seq: update.seq });

  app.post<{ Params: { election: string } }>('/api/elections/:election/declarations', async (request, res) => {
    const by = writer(request);
    const input = parseBody(DeclarationInput, request.body);
    res.code(201);
    return reply(service.declare(request.params.election, input, by));
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/correction', async (request) => {
    const by = writer(request);
    const input = parseBody(CorrectionInput, request.body);
    return reply(service.correct(request.params.election, request.params.seat, input, by));
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/recount', async (request) => {
    const by = writer(request);
    const input = parseBody(SeatActionInput, request.body);
    return reply(service.recount(request.params.election, request.params.seat, input, by));
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/withdrawal', async (request) => {
    const by = writer(request);
    const input = parseBody(SeatActionInput, request.body);
    return reply(service.withdraw(request.params.election, request.params.seat, input, by));
  });
}
