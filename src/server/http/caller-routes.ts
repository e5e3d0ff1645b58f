/**
 * JSON routes for a signed-in caller. Each handler receives the caller,
 * authenticated before the body is read and, on routes bound to an action,
 * checked for it after the body is parsed and before it is validated (the
 * hooks of auth.hook.ts). The action is named once, where the routes are
 * bound, instead of in the hooks and again in every handler.
 */
import type {
  ContextConfigDefault,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { AuthContext, AuthService } from '../services/auth.service';
import type { Action } from '../services/authorization';
import { authHook, authOf, guardedBy } from './auth.hook';
import type { ZodTypeProvider } from './validation';

type CallerRequest<S extends FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  ZodTypeProvider
>;
type CallerReply<S extends FastifySchema> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;
type Answer<S extends FastifySchema> = ReturnType<
  RouteHandlerMethod<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    S,
    ZodTypeProvider
  >
>;
type CallerHandler<S extends FastifySchema> = (
  caller: AuthContext,
  request: CallerRequest<S>,
  reply: CallerReply<S>,
) => Answer<S>;

/** Registers routes for callers who are signed in and, with `action`, may perform it. */
export function callerRoutes(app: FastifyInstance, auth: Pick<AuthService, 'authenticate'>, action?: Action) {
  const hooks = action ? guardedBy(auth, action) : { onRequest: authHook(auth) };
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const method =
    (verb: HTTPMethods) =>
    <S extends FastifySchema>(url: string, schema: S, handler: CallerHandler<S>) => {
      routes.route<RouteGenericInterface, ContextConfigDefault, S>({
        method: verb,
        url,
        ...hooks,
        schema,
        handler: (request, reply) => handler(authOf(request, action), request, reply),
      });
    };
  return { get: method('GET'), post: method('POST'), patch: method('PATCH') };
}
