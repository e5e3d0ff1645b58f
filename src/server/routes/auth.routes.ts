/** Login, current user, logout and device management (spec: Authentication). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { loginRequestSchema } from '../../domain';
import { authHook, authOf } from '../http/auth.hook';
import { parseOrThrow } from '../http/errors';
import type { AuthService } from '../services/auth.service';

// Ids are UUIDs made by the server: anything else is refused before it reaches a query.
const devicesQuerySchema = z.object({ userId: z.uuid().optional() });
const deviceParamsSchema = z.object({ id: z.uuid() });

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService) {
  const onRequest = authHook(auth);

  app.post('/api/v1/auth/login', async (request) => {
    const input = parseOrThrow(loginRequestSchema, request.body);
    return auth.login(input, request.ip);
  });

  app.get('/api/v1/auth/me', { onRequest }, async (request) => authOf(request).user);

  app.post('/api/v1/auth/logout', { onRequest }, async (request, reply) => {
    await auth.logout(authOf(request));
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/devices', { onRequest }, async (request) => {
    const { userId } = parseOrThrow(devicesQuerySchema, request.query, 'query');
    return { devices: await auth.listDevices(authOf(request), userId) };
  });

  app.post('/api/v1/auth/devices/:id/revoke', { onRequest }, async (request) => {
    const { id } = parseOrThrow(deviceParamsSchema, request.params, 'params');
    return auth.revokeDevice(authOf(request), id);
  });
}
