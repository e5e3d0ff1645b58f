/** Accounts: list and create (role rules in users.service). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { userSchema } from '../../domain';
import { callerRoutes } from '../http/caller-routes';
import { failures, json, named } from '../http/openapi';
import type { AuthService } from '../services/auth.service';
import { createUserRequestSchema, userSummarySchema, type UsersService } from '../services/users.service';

const userList = named('UserList', z.object({ users: z.array(userSummarySchema) }));

export function registerUsersRoutes(app: FastifyInstance, deps: { auth: AuthService; users: UsersService }) {
  callerRoutes(app, deps.auth).get(
    '/api/v1/users',
    {
      summary: 'Users (all for admin/coordinator, else only yourself)',
      response: {
        200: json('Users', userList),
        ...failures(401),
      },
    },
    async ({ user }) => ({ users: await deps.users.listUsers(user) }),
  );

  callerRoutes(app, deps.auth, 'users.create').post(
    '/api/v1/users',
    {
      summary: 'Create a user (admin: any role; coordinator: facilitator/promoter)',
      body: named('CreateUserRequest', createUserRequestSchema),
      response: {
        201: json('Created', named('User', userSchema)),
        ...failures(400, 401, 403, 409, 415),
      },
    },
    async ({ user }, request, reply) => reply.code(201).send(await deps.users.createUser(request.body, user)),
  );
}
