/**
 * The options of a route that accepts a body larger than the push limit (a
 * device's unsynced file, the territory GeoJSON): its own body limit, and
 * authentication with the role check before the body is read.
 */
import type { AuthService } from '../services/auth.service';
import type { Action } from '../services/authorization';
import { authBeforeBody } from './auth.hook';
import { failures, json } from './openapi';

export function uploadRoute<Body>(
  auth: Pick<AuthService, 'authenticate'>,
  action: Action,
  upload: { bodyLimit: number; summary: string; body: Body; report: string; reportSchema: unknown },
) {
  return {
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
  };
}
