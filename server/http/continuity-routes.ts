/**
 * Party continuity is data an editor extends (ELECTION-RULES: configured, not
 * guessed). A row is added, never changed: remapping a party mid-night would
 * silently relabel results already on screen.
 */
import type { FastifyInstance } from 'fastify';
import { continuityLoops } from '../../shared/domain/party.ts';
import { ContinuityEntry } from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import type { ElectionService } from '../services/election-service.ts';
import { RefusedError } from '../services/errors.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

export function continuityRoutes(
  app: FastifyInstance,
  { db, service, gate, onChanged }: { db: Db; service: ElectionService; gate: Gate; onChanged: () => void },
) {
  app.get('/api/party-continuity', async () => baselines.readContinuity(db));

  app.post('/api/party-continuity', async (request, reply) => {
    gate.admin(request);
    const entry = parseInput(ContinuityEntry, request.body);
    const existing = baselines.continuityOf(db, entry.code);
    if (existing && (existing.kind !== entry.kind || existing.target !== entry.target)) {
      throw new RefusedError(409, `code: ${entry.code} is already an ${existing.kind} of ${existing.target}`);
    }
    const continuity = baselines.readContinuity(db);
    const key = entry.kind === 'alias' ? 'aliases' : 'successors';
    const table = { ...continuity, [key]: { ...continuity[key], [entry.code]: entry.target } };
    if (continuityLoops(entry.code, table)) {
      throw new RefusedError(400, `target: ${entry.target} already leads back to ${entry.code}, which would make a loop`, [
        { path: 'target', message: `leads back to ${entry.code}` },
      ]);
    }
    if (!existing) {
      baselines.addContinuity(db, entry.code, entry.kind, entry.target);
      // Outcomes are computed afresh with the new row, and every screen is sent them.
      service.reload();
      onChanged();
    }
    reply.code(existing ? 200 : 201);
    return baselines.readContinuity(db);
  });
}
