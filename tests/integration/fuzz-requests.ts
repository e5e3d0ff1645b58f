/**
 * fast-check generators of malformed and hostile API requests. Hostile
 * requests are invalid by construction — a valid template with one thing
 * broken, junk, a bad token, a wrong method — and must leave the database
 * exactly as it was. The few marked `valid` are well-formed requests with
 * hostile content (odd field names, deep nesting, control characters)
 * that the server may apply; the fuzz run moves its baseline after them.
 */
import fc from 'fast-check';
import { formatHlc, type Fields } from '../../src/domain';
import type { FuzzRequest } from './fuzz-support';
import { hostileBodies, hostileString, junkValue } from './fuzz-values';
import { sessionFields } from './server-fixtures';

export interface FuzzContext {
  admin: string;
  facilitator: string;
  revoked: string;
  epoch: string;
  processId: string;
  /** A cursor this server made. */
  cursor: string;
  /** A batch the server already applied: sending it again must be a harmless duplicate. */
  applied: { clientId: string; mutations: unknown[] };
  /** A user whose password the fuzzer knows, for well-formed logins. */
  loginUser: { username: string; password: string };
  blobs: boolean;
  importRoute: boolean;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const uuid = fc.uuid({ version: 4 });
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const stamp = (n: number) =>
  formatHlc({ millis: Date.parse('2026-11-20T17:00:00.000Z') + n, counter: 0, node: '00000000000000f1' });

/** Authorization headers that must never authenticate. */
function badAuth(ctx: FuzzContext): fc.Arbitrary<Record<string, string>> {
  return fc
    .oneof(
      fc.constant(null),
      fc.constantFrom('Bearer', 'Bearer  x', 'Basic YWRtaW46YWRtaW4=', 'Token abc', `bearer ${ctx.admin}`),
      fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((t) => `Bearer ${t}`),
      fc.constantFrom(`Bearer ${ctx.revoked}`, `Bearer ${ctx.admin}x`, `Bearer ${ctx.admin.slice(1)}`),
      fc.constant(`Bearer ${'A'.repeat(8000)}`),
      fc.string({ maxLength: 60 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, '')}!`),
    )
    .map((value): Record<string, string> => (value === null ? {} : { authorization: value }));
}

function authedRoutes(ctx: FuzzContext, sha: string): [string, string][] {
  const routes: [string, string][] = [
    ['GET', '/api/v1/auth/me'],
    ['POST', '/api/v1/auth/logout'],
    ['GET', '/api/v1/auth/devices'],
    ['POST', `/api/v1/auth/devices/${sha.slice(0, 8)}/revoke`],
    ['GET', '/api/v1/users'],
    ['POST', '/api/v1/users'],
    ['POST', '/api/v1/sync/push'],
    ['GET', '/api/v1/sync/pull'],
    ['HEAD', '/api/v1/sync/pull'],
    ['GET', '/api/v1/sync/rejections'],
    ['GET', '/api/v1/schema'],
    ['GET', '/api/v1/openapi.json'],
  ];
  if (ctx.importRoute) routes.push(['POST', '/api/v1/sync/import']);
  if (ctx.blobs)
    routes.push(
      ['PUT', `/api/v1/blobs/${sha}`],
      ['HEAD', `/api/v1/blobs/${sha}`],
      ['GET', `/api/v1/blobs/${sha}`],
    );
  return routes;
}

/** Missing, forged, revoked or mangled tokens: 401 on every protected route, whatever the body. */
function withoutToken(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({ sha: hex64, auth: badAuth(ctx), body: hostileBodies(), pick: fc.nat() })
    .map(({ sha, auth, body, pick }) => {
      const routes = authedRoutes(ctx, sha);
      const [method, path] = routes[pick % routes.length]!;
      const hasBody = method === 'POST' || method === 'PUT';
      return {
        kind: 'bad token',
        method,
        path,
        headers: {
          ...auth,
          ...(hasBody ? { 'content-type': method === 'PUT' ? 'image/jpeg' : 'application/json' } : {}),
        },
        body: hasBody ? body : undefined,
        expect: [401],
      };
    });
}

function validSession(ctx: FuzzContext, n: number): Fields {
  return sessionFields(ctx.processId, { title: `Sesión ${n}` });
}

type Mutation = Record<string, unknown>;
interface PushBody {
  clientId: unknown;
  serverEpoch: unknown;
  mutations: Mutation[];
}

/** A valid push for a fresh client: 1–3 new sessions. */
function pushTemplate(ctx: FuzzContext): fc.Arbitrary<PushBody> {
  return fc
    .record({ clientId: uuid, ids: fc.array(uuid, { minLength: 1, maxLength: 3 }), n: fc.nat(1e6) })
    .map(({ clientId, ids, n }) => ({
      clientId,
      serverEpoch: ctx.epoch,
      mutations: ids.map((recordId, i) => ({
        id: i + 1,
        entity: 'session',
        recordId,
        op: 'put',
        fields: validSession(ctx, n + i),
        hlc: stamp(n + i),
      })),
    }));
}

const BAD_IDS = [0, -1, 1.5, '1', null, 'NaN', -0.5, true, [1], { id: 1 }];
const BAD_HLCS = [
  '',
  '2026-11-20',
  '2026-11-20T17:02:11.000Z-0000',
  '2026-11-20T17:02:11.000Z-00000-8f3a9c2b1d4e5f60',
  '2026-11-20T17:02:11.000Z-0000-8F3A9C2B1D4E5F6',
  '9999-99-99T99:99:99.999Z-0000-8f3a9c2b1d4e5f60',
  1732121531000,
  null,
];
const BAD_FIELD_NAMES = ['', '1abc', 'a-b', 'a b', '_x', 'x'.repeat(65), 'é', '$where', '__proto__'];

/** Exactly one thing broken in a valid push, so it can never be applied. */
function brokenPush(ctx: FuzzContext): fc.Arbitrary<{ body: PushBody; what: string }> {
  const notUuid = fc.oneof(
    fc.constantFrom('', 'x', '00000000-0000-4000-8000-00000000000g', 42, null),
    hostileString(),
  );
  const notEpoch = fc.constantFrom(42, '', 'x'.repeat(101), `${ctx.epoch}-old`, [], {});
  return fc
    .tuple(pushTemplate(ctx), fc.nat(), fc.integer({ min: 0, max: 12 }), notUuid, notEpoch, junkValue())
    .map(([body, pick, breaker, notId, epoch, junk]) => {
      const m = body.mutations[pick % body.mutations.length]!;
      const steps: (() => string)[] = [
        () => ((body.clientId = notId), 'clientId'),
        () => ((body.serverEpoch = epoch), 'serverEpoch'),
        () => ((body.mutations = Array.isArray(junk) ? [] : (junk as Mutation[])), 'mutations'),
        () => ((m.id = BAD_IDS[pick % BAD_IDS.length]), 'mutation id'),
        () => (
          (m.entity = ['unknownEntity', 'constructor', 'toString', '__proto__', '', 'x'.repeat(65)][
            pick % 6
          ]),
          'entity'
        ),
        () => ((m.recordId = notId), 'recordId'),
        () => ((m.op = ['patch', 'PUT', null, 1, ''][pick % 5]), 'op'),
        () => (
          (m.fields = junk !== null && typeof junk === 'object' && !Array.isArray(junk) ? [junk] : junk),
          'fields'
        ),
        () => (
          (m.fields = { ...(m.fields as object), [BAD_FIELD_NAMES[pick % BAD_FIELD_NAMES.length]!]: 1 }),
          'field name'
        ),
        () => ((m.hlc = BAD_HLCS[pick % BAD_HLCS.length]), 'hlc'),
        () => ((m.hlcs = { title: BAD_HLCS[pick % BAD_HLCS.length] }), 'hlcs'),
        () => (
          delete (body as unknown as Record<string, unknown>)[
            ['clientId', 'serverEpoch', 'mutations'][pick % 3]!
          ],
          'missing key'
        ),
        () => (body.mutations.forEach((mutation, i) => (mutation.id = i + 2)), 'mutation gap'),
      ];
      return { body, what: steps[breaker]!() };
    });
}

function hostilePush(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(brokenPush(ctx), fc.constantFrom(ctx.admin, ctx.facilitator), fc.nat(20))
    .map(([{ body, what }, token, big]) => ({
      kind: `push: ${what}`,
      method: 'POST',
      path: '/api/v1/sync/push',
      headers: { ...bearer(token), ...JSON_TYPE },
      // Now and then the same broken mutation 501 times: over the batch limit as well.
      body: json(
        big === 0 && Array.isArray(body.mutations)
          ? { ...body, mutations: Array(501).fill(body.mutations[0]) }
          : body,
      ),
      // 413: the 501-fold batch of a long value is over the body limit too.
      expect: [400, 409, 413],
    }));
}

/** Content types a JSON endpoint must refuse, and JSON itself (null = no header). */
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'image/png',
  '*/*',
  null,
);

function junkBodies(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const targets: [string, Record<string, string>][] = [
    ['/api/v1/sync/push', bearer(ctx.admin)],
    ['/api/v1/auth/login', {}],
    ['/api/v1/setup', {}],
    ['/api/v1/users', bearer(ctx.admin)],
    ['/api/v1/users', bearer(ctx.facilitator)],
  ];
  if (ctx.importRoute)
    targets.push(
      ['/api/v1/sync/import', bearer(ctx.admin)],
      ['/api/v1/sync/import', bearer(ctx.facilitator)],
    );
  return fc.tuple(fc.nat(), hostileBodies(), contentType).map(([pick, body, type]) => {
    const [path, auth] = targets[pick % targets.length]!;
    const facilitator = auth.authorization === `Bearer ${ctx.facilitator}` && !path.endsWith('push');
    return {
      kind: `junk body: ${path.slice(8)}${facilitator ? ' (facilitator)' : ''}`,
      method: 'POST',
      path,
      headers: { ...auth, ...(type === null ? {} : { 'content-type': type }) },
      body,
      expect: facilitator
        ? [403, 400, 413, 415]
        : path === '/api/v1/setup'
          ? [400, 403, 409, 413, 415, 429]
          : [400, 401, 413, 415, 429],
    };
  });
}

export {
  authedRoutes,
  badAuth,
  bearer,
  hex64,
  hostilePush,
  json,
  JSON_TYPE,
  junkBodies,
  pushTemplate,
  stamp,
  uuid,
  validSession,
  withoutToken,
};
export type { PushBody };
