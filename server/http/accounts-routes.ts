/** The admin's accounts and API tokens. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NewTokenInput, NewUserInput } from '../../shared/protocol/accounts.ts';
import type { AccountsService } from '../accounts/accounts-service.ts';
import type { Gate } from './identity.ts';
import { parseInput } from './parse.ts';

const TokenId = z.object({ id: z.coerce.number().int().min(1, 'must be a token id') });

export function accountsRoutes(app: FastifyInstance, accounts: AccountsService, gate: Gate) {
  app.get('/api/users', async (request) => {
    gate.admin(request);
    return accounts.listUsers();
  });

  app.post('/api/users', async (request, reply) => {
    const by = gate.admin(request);
    const input = parseInput(NewUserInput, request.body);
    reply.code(201);
    return accounts.createUser(input, by.username);
  });

  app.post<{ Params: { username: string } }>('/api/users/:username/disable', async (request) => {
    const by = gate.admin(request);
    accounts.disableUser(request.params.username, by.username);
    return { disabled: request.params.username };
  });

  app.get('/api/tokens', async (request) => {
    gate.admin(request);
    return accounts.listTokens();
  });

  app.post('/api/tokens', async (request, reply) => {
    const by = gate.admin(request);
    const { name, forUser } = parseInput(NewTokenInput, request.body);
    const created = accounts.createToken(name, by.username, forUser ?? by.username);
    reply.code(201).header('cache-control', 'no-store');
    return created;
  });

  app.post<{ Params: { id: string } }>('/api/tokens/:id/revoke', async (request) => {
    const by = gate.admin(request);
    const { id } = parseInput(TokenId, request.params);
    accounts.revokeToken(id, by.username);
    return { revoked: id };
  });
}
