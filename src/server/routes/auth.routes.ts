/** Login, current user, logout and device management (spec: Authentication). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceViewSchema, loginRequestSchema, loginResponseSchema, userSchema } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { failures, json, named, noBody } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
import type { AuthService } from '../services/auth.service';

// Ids are UUIDs made by the server: anything else is refused before it reaches a query.
const devicesQuerySchema = z.object({
  userId: z.uuid().optional().describe('Whose devices (default: yours)'),
});
const deviceParamsSchema = z.object({ id: z.uuid() });
const device = named('Device', deviceViewSchema);
const deviceList = named('DeviceList', z.object({ devices: z.array(device) }));

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService) {
  const onRequest = authHook(auth);
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in a device',
        security: [],
        body: named('LoginRequest', loginRequestSchema),
        response: {
          200: json('Signed in', named('LoginResponse', loginResponseSchema)),
          ...failures(400, 401, 415, 429),
        },
      },
    },
    async (request) => auth.login(request.body, request.ip),
  );

  routes.get(
    '/api/v1/auth/me',
    {
      onRequest,
      schema: {
        summary: 'The signed-in user and their scope',
        response: { 200: json('The user', named('User', userSchema)), ...failures(401) },
      },
    },
    async (request) => authOf(request).user,
  );

  routes.post(
    '/api/v1/auth/logout',
    {
      onRequest,
      schema: {
        summary: 'Revoke this device’s token',
        response: { 204: noBody('Revoked'), ...failures(401) },
      },
    },
    async (request, reply) => {
      await auth.logout(authOf(request));
      return reply.code(204).send();
    },
  );

  routes.get(
    '/api/v1/auth/devices',
    {
      onRequest,
      schema: {
        summary: 'Devices (tokens) of a user; own unless admin/coordinator',
        querystring: devicesQuerySchema,
        response: {
          200: json('Devices', deviceList),
          ...failures(400, 401, 403, 404),
        },
      },
    },
    async (request) => ({ devices: await auth.listDevices(authOf(request), request.query.userId) }),
  );

  routes.post(
    '/api/v1/auth/devices/:id/revoke',
    {
      onRequest,
      schema: {
        summary: 'Revoke a device',
        params: deviceParamsSchema,
        response: { 200: json('The revoked device', device), ...failures(400, 401, 403, 404) },
      },
    },
    async (request) => auth.revokeDevice(authOf(request), request.params.id),
  );
}
