/** The big screen's settings and the election's mode: read by anyone, set by an editor. */
import type { FastifyInstance } from 'fastify';
import { ModeInput, ScreenSettings } from '../../shared/protocol/schemas.ts';
import type { ElectionService } from '../services/election-service.ts';
import { EncodedBody } from './encoded-body.ts';
import { JSON_TYPE, REVALIDATE_EACH_TIME, sendTagged, tagOf } from './etag.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';
import { screenElectionProblems } from '../../shared/domain/screen-elections.ts';
import { RefusedError } from '../services/errors.ts';

type ElectionParams = { Params: { election: string } };

export function screensRoutes(app: FastifyInstance, service: ElectionService, gate: Gate) {
  // The map changes with an import, not a declaration: kept encoded (Brotli 11: a 650-hex map is 32 KB of JSON)
  // while its text is the same, and revalidated each time for a 304.
  const hexMaps = new Map<string, { json: string; etag: string; body: EncodedBody }>();
  app.get<ElectionParams>('/api/elections/:election/hexmap', async (request, reply) => {
    const json = JSON.stringify(service.hexMap(request.params.election));
    let kept = hexMaps.get(request.params.election);
    if (kept?.json !== json) {
      kept = { json, etag: tagOf('hexmap', json), body: EncodedBody.of(json) };
      hexMaps.set(request.params.election, kept);
    }
    const { body } = kept;
    return sendTagged(request, reply, { etag: kept.etag, cacheControl: REVALIDATE_EACH_TIME, type: JSON_TYPE, body: () => body });
  });

  app.get<ElectionParams>('/api/elections/:election/candidates', async (request) => service.candidates(request.params.election));

  app.get<ElectionParams>('/api/elections/:election/screen', async (request) => service.state(request.params.election).screen);

  app.put<ElectionParams>('/api/elections/:election/screen', async (request) => {
    gate.editor(request);
    const screen = parseInput(ScreenSettings, request.body);
    // Panels of another election (ADR 0025): it must be there, and be the only other one.
    const problems = screenElectionProblems(
      screen,
      request.params.election,
      service.listElections().map((e) => e.id),
    );
    if (problems.length > 0) throw RefusedError.forProblems(problems);
    return service.configureScreen(request.params.election, screen);
  });

  app.put<ElectionParams>('/api/elections/:election/mode', async (request) => {
    gate.editor(request);
    return service.setMode(request.params.election, parseInput(ModeInput, request.body).mode);
  });
}
