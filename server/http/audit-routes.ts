/** Editors only: the audit trail as JSON for the audit page, and as CSV to download. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { auditCsv, auditTrail, nightInputTrail } from '../services/audit-service.ts';
import type { ElectionService } from '../services/election-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

const Filter = z.object({
  seat: z.string().max(100).optional(),
  editor: z.string().max(100).optional(),
  kind: z.string().max(20).optional(),
});

type AuditRequest = { Params: { election: string }; Querystring: unknown };

export function auditRoutes(app: FastifyInstance, { db, elections, gate }: { db: Db; elections: ElectionService; gate: Gate }) {
  app.get<AuditRequest>('/api/elections/:election/audit', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return auditTrail(db, elections, request.params.election, parseInput(Filter, request.query));
  });

  app.get<AuditRequest>('/api/elections/:election/audit/night-inputs', async (request, reply) => {
    gate.editor(request);
    reply.header('cache-control', 'no-store');
    return nightInputTrail(elections, request.params.election);
  });

  app.get<AuditRequest>('/api/elections/:election/audit.csv', async (request, reply) => {
    gate.editor(request);
    const rows = auditTrail(db, elections, request.params.election, parseInput(Filter, request.query));
    reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="audit-${request.params.election}.csv"`)
      .type('text/csv; charset=utf-8');
    return auditCsv(rows);
  });
}
