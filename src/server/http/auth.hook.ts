/**
 * Bearer authentication as an onRequest hook: it runs before the body is
 * read, so an unauthenticated client cannot make the server parse up to
 * 5 MiB, and a missing token is always a 401 whatever the body holds.
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '../../domain';
import type { AuthContext, AuthService } from '../services/auth.service';
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

/** The authenticated caller; optionally restricted to some roles (else 403). */
export function authOf(request: FastifyRequest, roles?: readonly Role[]): AuthContext {
  if (!request.auth) throw unauthenticated();
  if (roles && !roles.includes(request.auth.user.role)) throw forbidden();
  return request.auth;
}
