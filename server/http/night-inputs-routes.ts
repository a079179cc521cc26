/**
 * What editors enter about the whole night: the exit poll (read by anyone, its versions for editors)
 * and the expected declaration times. Each save is a new version.
 */
import type { FastifyInstance } from 'fastify';
import { ExitPollInput, ExpectedTimesInput } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import type { Gate } from './identity.ts';
import { parseBody } from './parse.ts';

type ElectionParams = { Params: { election: string } };

export function nightInputsRoutes(app: FastifyInstance, service: ElectionService, gate: Gate) {
  app.get<ElectionParams>('/api/elections/:election/exit-poll', async (request) => service.exitPoll(request.params.election));

  app.put<ElectionParams>('/api/elections/:election/exit-poll', async (request) => {
    const by = gate.writer(request);
    return service.recordExitPoll(request.params.election, parseBody(ExitPollInput, request.body), by);
  });

  app.get<ElectionParams>('/api/elections/:election/exit-poll/versions', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return service.exitPollVersions(request.params.election);
  });

  app.put<ElectionParams>('/api/elections/:election/expected-times', async (request) => {
    const by = gate.writer(request);
    return service.recordExpectedTimes(request.params.election, parseBody(ExpectedTimesInput, request.body), by);
  });
}
