/**
 * Bearer authentication as an onRequest hook: it runs before the body is
 * read, so an unauthenticated client cannot make the server parse up to
 * 5 MiB, and a missing token is always a 401 whatever the body holds.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { AuthContext, AuthService } from '../services/auth.service';
import { mayPerform, type Action } from '../services/authorization';
import { forbidden, unauthenticated } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function decorateAuth(app: FastifyInstance) {
  app.decorateRequest('auth', null);
}

export function authHook(auth: AuthService): onRequestAsyncHookHandler {
  return async (request) => {
    request.auth = await auth.authenticate(request.headers.authorization);
  };
}

/** The authenticated caller; optionally one who may perform `action` (authorization.ts), else 403. */
export function authOf(request: FastifyRequest, action?: Action): AuthContext {
  if (!request.auth) throw unauthenticated();
  if (action && !mayPerform(request.auth.user, action)) throw forbidden(`Not allowed: ${action}`);
  return request.auth;
}
