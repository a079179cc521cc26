/**
 * Editors only: the desk (pending entries, continuity for the preview), confirming a
 * second editor's entry, and the admin's setting that asks for one.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmationSetting, ConfirmInput } from '../../shared/protocol/accounts.ts';
import type { PublishedReply } from '../../shared/protocol/http-replies.ts';
import type { DeskService } from '../services/desk-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

const EntryId = z.object({ election: z.string(), id: z.coerce.number().int().min(1, 'must be an entry id') });

export function deskRoutes(app: FastifyInstance, desk: DeskService, gate: Gate) {
  app.get<{ Params: { election: string } }>('/api/elections/:election/desk', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return desk.info(request.params.election);
  });

  app.post('/api/elections/:election/pending/:id/confirm', async (request): Promise<PublishedReply> => {
    const by = gate.editor(request);
    const { election, id } = parseInput(EntryId, request.params);
    const update = desk.confirm(election, id, parseInput(ConfirmInput, request.body), by);
    return { seat: update.seat, seq: update.seq };
  });

  app.put<{ Params: { election: string } }>('/api/elections/:election/confirmation', async (request) => {
    gate.admin(request);
    const { requireConfirmation } = parseInput(ConfirmationSetting, request.body);
    return desk.setRequireConfirmation(request.params.election, requireConfirmation);
  });
}
