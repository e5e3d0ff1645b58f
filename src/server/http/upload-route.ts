/**
 * A route that accepts a body larger than the push limit (a device's unsynced
 * file, the territory GeoJSON): its own body limit, and authentication with
 * the role check before the body is read. Its handler receives the caller and
 * the validated body, and answers with the report.
 */
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { User } from '../../domain';
import type { AuthService } from '../services/auth.service';
import type { Action } from '../services/authorization';
import { authBeforeBody, authOf } from './auth.hook';
import { failures, json } from './openapi';
import type { ZodTypeProvider } from './validation';

export function registerUploadRoute<Body extends z.ZodType>(
  app: FastifyInstance,
  auth: Pick<AuthService, 'authenticate'>,
  action: Action,
  upload: {
    url: string;
    bodyLimit: number;
    summary: string;
    body: Body;
    report: string;
    reportSchema: unknown;
  },
  handle: (caller: User, body: z.output<Body>) => Promise<unknown>,
) {
  app.withTypeProvider<ZodTypeProvider>().post(
    upload.url,
    {
      bodyLimit: upload.bodyLimit,
      onRequest: authBeforeBody(auth, action),
      schema: {
        summary: upload.summary,
        body: upload.body,
        response: {
          200: json(upload.report, upload.reportSchema),
          ...failures(400, 401, 403, 413, 415),
        },
      },
    },
    async (request) => handle(authOf(request, action).user, request.body as z.output<Body>),
  );
}
