/**
 * What editors enter about the whole night: the exit poll (read by anyone), the seats to watch and
 * the expected declaration times. Each save is a new version; editors read the versions back.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ExitPollInput, ExpectedTimesInput, SeatsToWatchInput } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

type ElectionParams = { Params: { election: string } };

export function nightInputsRoutes(app: FastifyInstance, service: ElectionService, gate: Gate) {
  /** PUT …/name saves a new version in the editor's name; GET …/name/versions lists them for editors. */
  function versioned<S extends z.ZodType>(
    name: string,
    schema: S,
    record: (election: string, input: z.infer<S>, by: string) => unknown,
    versions: (election: string) => unknown,
  ) {
    app.put<ElectionParams>(`/api/elections/:election/${name}`, async (request) => {
      const by = gate.editorName(request);
      return record(request.params.election, parseInput(schema, request.body), by);
    });
    app.get<ElectionParams>(`/api/elections/:election/${name}/versions`, async (request, reply) => {
      gate.editor(request);
      reply.header('cache-control', 'no-store');
      return versions(request.params.election);
    });
  }

  app.get<ElectionParams>('/api/elections/:election/exit-poll', async (request) => service.exitPoll(request.params.election));
  versioned('exit-poll', ExitPollInput, service.recordExitPoll, service.exitPollVersions);
  versioned('seats-to-watch', SeatsToWatchInput, service.recordSeatsToWatch, service.seatsToWatchVersions);

  app.put<ElectionParams>('/api/elections/:election/expected-times', async (request) => {
    const by = gate.editorName(request);
    return service.recordExpectedTimes(request.params.election, parseInput(ExpectedTimesInput, request.body), by);
  });
}
