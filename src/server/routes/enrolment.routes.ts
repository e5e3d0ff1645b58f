/** Device enrolment codes: issue, list, revoke (coordinators), and redeem (a tablet, no auth). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  enrolmentViewSchema,
  issuedEnrolmentSchema,
  issueEnrolmentRequestSchema,
  redeemEnrolmentRequestSchema,
} from '../../domain';
import { callerRoutes } from '../http/caller-routes';
import { failures, json, named } from '../http/openapi';
import type { ZodTypeProvider } from '../http/validation';
import type { AuthService } from '../services/auth.service';
import type { EnrolmentService } from '../services/enrolment.service';
import { signInResponses } from './auth.routes';

const enrolmentView = named('EnrolmentCode', enrolmentViewSchema);
const enrolmentList = named('EnrolmentCodeList', z.object({ codes: z.array(enrolmentView) }));
const codeParamsSchema = z.object({ id: z.uuid() });

export function registerEnrolmentRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; enrolment: EnrolmentService },
) {
  const routes = callerRoutes(app, deps.auth, 'enrolment.issue');

  routes.post(
    '/api/v1/enrolment-codes',
    {
      summary: 'Issue a one-time, short-lived enrolment code for a person the caller manages',
      body: named('IssueEnrolmentRequest', issueEnrolmentRequestSchema),
      response: {
        201: json('The code, shown once', named('IssuedEnrolmentCode', issuedEnrolmentSchema)),
        ...failures(400, 401, 403, 404, 415),
      },
    },
    async ({ user }, request, reply) =>
      reply.code(201).send(await deps.enrolment.issue(user, request.body.userId)),
  );

  routes.get(
    '/api/v1/enrolment-codes',
    {
      summary: 'This week’s enrolment codes for the people the caller manages (never the codes themselves)',
      response: { 200: json('Codes', enrolmentList), ...failures(401, 403) },
    },
    async ({ user }) => ({ codes: await deps.enrolment.list(user) }),
  );

  routes.post(
    '/api/v1/enrolment-codes/:id/revoke',
    {
      summary: 'Revoke an unused enrolment code',
      params: codeParamsSchema,
      response: { 200: json('The code', enrolmentView), ...failures(400, 401, 403, 404) },
    },
    async ({ user }, request) => deps.enrolment.revoke(user, request.params.id),
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/auth/enrol',
    {
      schema: {
        summary: 'Sign in a device with a one-time enrolment code (no password)',
        security: [],
        body: named('EnrolRequest', redeemEnrolmentRequestSchema),
        response: signInResponses,
      },
    },
    async (request) => deps.enrolment.redeem(request.body, request.ip),
  );
}
