/**
 * Bearer authentication as an onRequest hook: it runs before the body is
 * read, so an unauthenticated client cannot make the server parse up to
 * 5 MiB, and a missing token is always a 401 whatever the body holds.
 */
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestAsyncHookHandler,
  preValidationAsyncHookHandler,
} from 'fastify';
import type { AuthContext, AuthService } from '../services/auth.service';
import { mayPerform, type Action } from '../services/authorization';
import { Forbidden, Unauthenticated } from '../services/errors';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function decorateAuth(app: FastifyInstance) {
  app.decorateRequest('auth', null);
}

export function authHook(auth: Pick<AuthService, 'authenticate'>): onRequestAsyncHookHandler {
  return async (request) => {
    request.auth = await auth.authenticate(request.headers.authorization);
  };
}

/** The authenticated caller; optionally one who may perform `action` (authorization.ts), else 403. */
export function authOf(request: FastifyRequest, action?: Action): AuthContext {
  if (!request.auth) throw new Unauthenticated();
  if (action && !mayPerform(request.auth.user, action)) throw new Forbidden(`Not allowed: ${action}`);
  return request.auth;
}

/**
 * The role check as a preValidation hook: after the body is parsed (bad JSON
 * is still a 400 for anyone) and before the route's schema validates it, so
 * a caller without the role gets 403 whatever the body holds.
 */
export function requireAction(action: Action): preValidationAsyncHookHandler {
  return async (request) => {
    authOf(request, action);
  };
}

/** The hooks of a route for callers who may perform `action`: authentication, then the role check. */
export function guardedBy(auth: Pick<AuthService, 'authenticate'>, action: Action) {
  return { onRequest: authHook(auth), preValidation: requireAction(action) };
}

/**
 * Authentication and the role check together, before the body is read: for
 * the routes that accept a body larger than the push limit, so nobody without
 * the role can make the server read and parse it.
 */
export function authBeforeBody(
  auth: Pick<AuthService, 'authenticate'>,
  action: Action,
): onRequestAsyncHookHandler {
  const authenticate = authHook(auth);
  return async function (request, reply) {
    await authenticate.call(this, request, reply);
    authOf(request, action);
  };
}
