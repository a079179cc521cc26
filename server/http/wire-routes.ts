/**
 * Editors only: PA's wire on the desk (feed, held results, rushes, problems, the
 * state-of-parties check), its settings and its log; the ingest process's door.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WireDecisionInput, WireFeedReport, WireFileInput, WireFilesInput, WireSettingsInput } from '../../shared/protocol/wire.ts';
import type { WireService } from '../services/wire-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

type ElectionParams = { Params: { election: string } };
const HeldId = z.object({ election: z.string(), id: z.coerce.number().int().min(1, 'must be a held wire result id') });

export function wireRoutes(app: FastifyInstance, wire: WireService, gate: Gate) {
  app.get<ElectionParams>('/api/elections/:election/wire', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return wire.desk(request.params.election);
  });

  app.get<ElectionParams>('/api/elections/:election/wire/log', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return { files: wire.log(request.params.election) };
  });

  app.put<ElectionParams>('/api/elections/:election/wire/settings', async (request) => {
    gate.editor(request);
    return wire.setPublish(request.params.election, parseInput(WireSettingsInput, request.body).publish);
  });

  app.post('/api/elections/:election/wire/held/:id', async (request) => {
    const by = gate.editor(request);
    const { election, id } = parseInput(HeldId, request.params);
    return wire.decide(election, id, parseInput(WireDecisionInput, request.body), by.username);
  });

  // The ingest process (npm run ingest -- pa ... --url): the names already settled, a file as fetched, the feed's state.
  app.get<ElectionParams>('/api/elections/:election/wire/settled', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return { names: wire.settledNames(request.params.election) };
  });

  app.post<ElectionParams>('/api/elections/:election/wire/files', async (request) => {
    gate.editor(request);
    const { name, xml } = parseInput(WireFileInput, request.body);
    return wire.receive(request.params.election, name, xml);
  });

  // Many files at once, one transaction: answers each file's outcome in order, once all are on disk.
  app.post<ElectionParams>('/api/elections/:election/wire/batch', async (request) => {
    gate.editor(request);
    const { files } = parseInput(WireFilesInput, request.body);
    const outcomes = wire.receiveMany(request.params.election, files);
    const fault = outcomes.find((o) => o.fault)?.fault;
    if (fault) throw fault;
    return { outcomes };
  });

  app.post<ElectionParams>('/api/elections/:election/wire/feed', async (request) => {
    gate.editor(request);
    const { ok, detail } = parseInput(WireFeedReport, request.body);
    wire.report(request.params.election, ok, detail);
    return { ok };
  });
}
