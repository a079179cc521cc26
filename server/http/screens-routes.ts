/** The big screen's settings and the election's mode: read by anyone, set by an editor. */
import type { FastifyInstance } from 'fastify';
import { ModeInput, ScreenSettings } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

type ElectionParams = { Params: { election: string } };

export function screensRoutes(app: FastifyInstance, service: ElectionService, gate: Gate) {
  app.get<ElectionParams>('/api/elections/:election/hexmap', async (request) => service.hexMap(request.params.election));

  app.get<ElectionParams>('/api/elections/:election/candidates', async (request) => service.candidates(request.params.election));

  app.get<ElectionParams>('/api/elections/:election/screen', async (request) => service.state(request.params.election).screen);

  app.put<ElectionParams>('/api/elections/:election/screen', async (request) => {
    gate.editor(request);
    return service.configureScreen(request.params.election, parseInput(ScreenSettings, request.body));
  });

  app.put<ElectionParams>('/api/elections/:election/mode', async (request) => {
    gate.editor(request);
    return service.setMode(request.params.election, parseInput(ModeInput, request.body).mode);
  });
}
