/** The big screen's settings and the election's mode: read by anyone, set with the token. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ModeInput, ScreenSettings } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { parseBody } from './parse.ts';

type ElectionParams = { Params: { election: string } };

export function screensRoutes(app: FastifyInstance, service: ElectionService, writer: (request: FastifyRequest) => string) {
  app.get<ElectionParams>('/api/elections/:election/hexmap', async (request) => service.hexMap(request.params.election));

  app.get<ElectionParams>('/api/elections/:election/candidates', async (request) => service.candidates(request.params.election));

  app.get<ElectionParams>('/api/elections/:election/screen', async (request) => service.state(request.params.election).screen);

  app.put<ElectionParams>('/api/elections/:election/screen', async (request) => {
    writer(request);
    return service.configureScreen(request.params.election, parseBody(ScreenSettings, request.body));
  });

  app.put<ElectionParams>('/api/elections/:election/mode', async (request) => {
    writer(request);
    return service.setMode(request.params.election, parseBody(ModeInput, request.body).mode);
  });
}
