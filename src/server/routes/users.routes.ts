/** Accounts: list and create (role rules in users.service). */
import type { FastifyInstance } from 'fastify';
import { authHook, authOf } from '../http/auth.hook';
import { parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';
import { createUserRequestSchema, type UsersService } from '../services/users.service';

export function registerUsersRoutes(app: FastifyInstance, deps: { auth: AuthService; users: UsersService }) {
  const onRequest = authHook(deps.auth);

  app.get('/api/v1/users', { onRequest }, async (request) => ({
    users: await deps.users.listUsers(authOf(request).user),
  }));

  app.post('/api/v1/users', { onRequest }, async (request, reply) => {
    const { user } = authOf(request, 'users.create');
    const input = parseOrThrow(createUserRequestSchema, request.body);
    return reply.code(201).send(await deps.users.createUser(input, user));
  });
}
