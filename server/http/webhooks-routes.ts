/** Admins only: webhook endpoints, their deliveries, and "send again". */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeliveryStatus, NewWebhookInput } from '../../shared/protocol/webhooks.ts';
import type { WebhooksService } from '../services/webhooks-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

const Id = z.object({ id: z.coerce.number().int().min(1, 'must be an id') });
const DeliveriesQuery = z.object({
  status: DeliveryStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export function webhooksRoutes(app: FastifyInstance, webhooks: WebhooksService, gate: Gate) {
  app.get('/api/webhooks', async (request, reply) => {
    gate.admin(request);
    reply.header('cache-control', 'no-store');
    return webhooks.list();
  });

  app.post('/api/webhooks', async (request, reply) => {
    const by = gate.admin(request);
    const input = parseInput(NewWebhookInput, request.body);
    // The secret is in this answer only: never cached, never listed again.
    reply.code(201).header('cache-control', 'no-store');
    return webhooks.create(input, by.username);
  });

  app.post<{ Params: { id: string } }>('/api/webhooks/:id/disable', async (request) => {
    const by = gate.admin(request);
    const { id } = parseInput(Id, request.params);
    return webhooks.disable(id, by.username);
  });

  app.get<{ Params: { id: string } }>('/api/webhooks/:id/deliveries', async (request, reply) => {
    gate.admin(request);
    const { id } = parseInput(Id, request.params);
    const { status, limit } = parseInput(DeliveriesQuery, request.query);
    reply.header('cache-control', 'no-store');
    return webhooks.deliveries(id, status, limit);
  });

  app.post<{ Params: { id: string } }>('/api/webhook-deliveries/:id/resend', async (request, reply) => {
    const by = gate.admin(request);
    const { id } = parseInput(Id, request.params);
    reply.code(201);
    return webhooks.resend(id, by.username);
  });
}
