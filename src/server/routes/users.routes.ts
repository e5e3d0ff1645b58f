/** Accounts: list and create (role rules in users.service). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userSchema } from '../../domain';
import { authHook, authOf, requireAction } from '../http/auth.hook';
import { failures, json, named } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
import type { AuthService } from '../services/auth.service';
import { createUserRequestSchema, userSummarySchema, type UsersService } from '../services/users.service';

const userList = named('UserList', z.object({ users: z.array(userSummarySchema) }));

export function registerUsersRoutes(app: FastifyInstance, deps: { auth: AuthService; users: UsersService }) {
  const onRequest = authHook(deps.auth);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/v1/users',
    {
      onRequest,
      schema: {
        summary: 'Users (all for admin/coordinator, else only yourself)',
        response: {
          200: json('Users', userList),
          ...failures(401),
        },
      },
    },
    async (request) => ({ users: await deps.users.listUsers(authOf(request).user) }),
  );

  routes.post(
    '/api/v1/users',
    {
      onRequest,
      preValidation: requireAction('users.create'),
      schema: {
        summary: 'Create a user (admin: any role; coordinator: facilitator/promoter)',
        body: named('CreateUserRequest', createUserRequestSchema),
        response: {
          201: json('Created', named('User', userSchema)),
          ...failures(400, 401, 403, 409, 415),
        },
      },
    },
    async (request, reply) => {
      const { user } = authOf(request, 'users.create');
      return reply.code(201).send(await deps.users.createUser(request.body, user));
    },
  );
}
