/**
 * Writes: a declaration, and a correction, recount or withdrawal on a seat.
 * Each is a new version, or, where the election requires a second editor,
 * a declaration or correction is held (202) until someone else confirms it.
 */
import type { FastifyInstance } from 'fastify';
import type { HeldReply, PublishedReply } from '../../shared/protocol/http-replies.ts';
import { CorrectionInput, DeclarationInput, SeatActionInput, type ElectionUpdate } from '../../shared/protocol/schemas.ts';
import type { DeskReply, DeskService } from '../services/desk-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

type SeatParams = { Params: { election: string; seat: string } };

export function declarationsRoutes(app: FastifyInstance, desk: DeskService, gate: Gate) {
  const reply = (update: ElectionUpdate): PublishedReply => ({ seat: update.seat, seq: update.seq });
  const answer = (result: DeskReply, res: { code(status: number): unknown }, publishedStatus: number): PublishedReply | HeldReply => {
    if ('held' in result) {
      res.code(202);
      return { pending: result.held };
    }
    res.code(publishedStatus);
    return reply(result.published);
  };

  app.post<{ Params: { election: string } }>('/api/elections/:election/declarations', async (request, res) => {
    const by = gate.editor(request);
    const input = parseInput(DeclarationInput, request.body);
    return answer(desk.declare(request.params.election, input, by), res, 201);
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/correction', async (request, res) => {
    const by = gate.editor(request);
    const input = parseInput(CorrectionInput, request.body);
    return answer(desk.correct(request.params.election, request.params.seat, input, by), res, 200);
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/recount', async (request) => {
    const by = gate.editor(request);
    const input = parseInput(SeatActionInput, request.body);
    return reply(desk.recount(request.params.election, request.params.seat, input, by));
  });

  app.post<SeatParams>('/api/elections/:election/seats/:seat/withdrawal', async (request) => {
    const by = gate.editor(request);
    const input = parseInput(SeatActionInput, request.body);
    return reply(desk.withdraw(request.params.election, request.params.seat, input, by));
  });
}
