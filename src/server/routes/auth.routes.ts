/** Login, current user, logout and device management (spec: Authentication). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deviceViewSchema, loginRequestSchema, loginResponseSchema, userSchema } from '../../domain';
import { callerRoutes } from '../http/caller-routes';
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

/** The answers of a sign-in, by password here or by enrolment code (enrolment.routes.ts). */
export const signInResponses = {
  200: json('Signed in', named('LoginResponse', loginResponseSchema)),
  ...failures(400, 401, 415, 429),
};

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in a device',
        security: [],
        body: named('LoginRequest', loginRequestSchema),
        response: signInResponses,
      },
    },
    async (request) => auth.login(request.body, request.ip),
  );

  const signedIn = callerRoutes(app, auth);

  signedIn.get(
    '/api/v1/auth/me',
    {
      summary: 'The signed-in user and their scope',
      response: { 200: json('The user', named('User', userSchema)), ...failures(401) },
    },
    async ({ user }) => user,
  );

  signedIn.post(
    '/api/v1/auth/logout',
    {
      summary: 'Revoke this device’s token',
      response: { 204: noBody('Revoked'), ...failures(401) },
    },
    async (caller, _request, reply) => {
      await auth.logout(caller);
      return reply.code(204).send();
    },
  );

  signedIn.get(
    '/api/v1/auth/devices',
    {
      summary: 'Devices (tokens) of a user; own unless admin/coordinator',
      querystring: devicesQuerySchema,
      response: {
        200: json('Devices', deviceList),
        ...failures(400, 401, 403, 404),
      },
    },
    async (caller, request) => ({ devices: await auth.listDevices(caller, request.query.userId) }),
  );

  signedIn.post(
    '/api/v1/auth/devices/:id/revoke',
    {
      summary: 'Revoke a device',
      params: deviceParamsSchema,
      response: { 200: json('The revoked device', device), ...failures(400, 401, 403, 404) },
    },
    async (caller, request) => auth.revokeDevice(caller, request.params.id),
  );
}
