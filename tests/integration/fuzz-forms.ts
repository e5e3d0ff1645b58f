/**
 * Fuzz generators of forms and well-formed requests: login and account
 * forms with one field wrong, wrong passwords, and the requests that are
 * valid by construction — hostile in content (odd field names, control
 * characters, deep nesting) or plain ones that must keep working in the
 * middle of all the noise.
 */
import fc from 'fast-check';
import type { FuzzRequest } from './fuzz-support';
import { hostileString, prototypeKeys, withDeepValue } from './fuzz-values';
import { bearer, json, JSON_TYPE, stamp, uuid, validSession, type FuzzContext } from './fuzz-requests';

const q = encodeURIComponent;

const LOGIN = { username: 'nadie', password: 'una contraseña cualquiera', deviceLabel: 'Tableta' };
const USER = { username: 'nuevo', displayName: 'Nuevo', role: 'promoter', password: 'una contraseña larga' };
/** Per field, values its schema refuses (undefined = the field is left out). */
const BAD_LOGIN: Record<string, unknown[]> = {
  username: [undefined, null, 42, '', ' ', 'x'.repeat(101), []],
  password: [undefined, null, 42, '', 'x'.repeat(1001)],
  deviceLabel: [undefined, null, '', ' ', 'x'.repeat(201), {}],
};
const BAD_USER: Record<string, unknown[]> = {
  username: [undefined, null, 'ab', 'Ab Cd', '-x', 'x'.repeat(65), 42],
  displayName: [undefined, null, '', ' ', 'x'.repeat(201)],
  role: [undefined, 'jefe', 'ADMIN', null],
  password: [undefined, 'corta', 'x'.repeat(1001), 42],
};

function breakForm(form: Record<string, unknown>, bad: Record<string, unknown[]>, pick: number) {
  const keys = Object.keys(bad);
  const key = keys[pick % keys.length]!;
  const values = bad[key]!;
  const value = values[Math.floor(pick / keys.length) % values.length];
  const copy: Record<string, unknown> = { ...form, [key]: value };
  if (value === undefined) delete copy[key];
  return copy;
}

/** Well-formed bodies with one field wrong for login and user creation; setup once closed. */
function brokenForms(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.tuple(fc.nat(2), fc.nat()).map(([form, pick]): FuzzRequest => {
    if (form === 0)
      return {
        kind: 'login: broken form',
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: JSON_TYPE,
        body: json(breakForm(LOGIN, BAD_LOGIN, pick)),
        expect: [400],
      };
    if (form === 1)
      return {
        kind: 'users: broken form',
        method: 'POST',
        path: '/api/v1/users',
        headers: { ...bearer(ctx.admin), ...JSON_TYPE },
        body: json(breakForm(USER, BAD_USER, pick)),
        expect: [400],
      };
    return {
      kind: 'setup: already set up',
      method: 'POST',
      path: '/api/v1/setup',
      headers: JSON_TYPE,
      body: json({ code: 'AAAA-AAAA', ...USER, deviceLabel: 'x' }),
      expect: [409],
    };
  });
}

/** Well-formed logins with the wrong password: 401, then 429 once the username is locked. */
function wrongPasswords(): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.constantFrom('admin', 'nadie', 'root'), fc.string({ minLength: 1, maxLength: 40 }))
    .map(([username, password]) => ({
      kind: 'login: wrong password',
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: JSON_TYPE,
      body: json({ username, password: `${password}!wrong`, deviceLabel: 'Tableta' }),
      expect: [401, 429],
    }));
}

/** Valid pushes with hostile content; the server may apply or reject them, never fail. */
function hostileContentPushes(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(
      uuid,
      uuid,
      fc.nat(1e6),
      fc.constantFrom(...prototypeKeys),
      hostileString(),
      fc.nat(4),
      fc.integer({ min: 1, max: 5000 }),
    )
    .map(([clientId, recordId, n, key, longText, shape, depth]) => {
      // Kept short: every request re-hashes the whole database, which these make grow.
      const text = longText.slice(0, 4000);
      const fields: Record<string, unknown> = { ...validSession(ctx, n) };
      if (shape === 0) fields[key] = { polluted: true };
      if (shape === 1) fields.notes = text;
      if (shape === 2) fields.title = text; // often outside the schema: rejected and kept for review
      if (shape === 3) fields.notes = '$DEEP$'; // not a string: rejected, with a deep value to store
      if (shape === 4) fields.extra = '$DEEP$';
      return {
        kind: 'push: hostile content (valid)',
        method: 'POST',
        path: '/api/v1/sync/push',
        headers: { ...bearer(ctx.admin), ...JSON_TYPE },
        body: withDeepValue(
          {
            clientId,
            serverEpoch: ctx.epoch,
            mutations: [{ id: 1, entity: 'session', recordId, op: 'put', fields, hlc: stamp(n) }],
          },
          depth,
        ),
        valid: true,
        // 400 only when nested past the server's limit of 64 (the body, mutations, the mutation and
        // its fields are the first four levels).
        expect: depth + 4 > 64 && shape >= 3 ? [400] : [200],
      };
    });
}

/** Well-formed logins and accounts with odd labels and names. */
function hostileContentForms(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.boolean(), hostileString(), fc.stringMatching(/^[a-z0-9]{8}$/))
    .map(([login, text, suffix]) =>
      login
        ? {
            kind: 'login: odd device label (valid)',
            method: 'POST',
            path: '/api/v1/auth/login',
            headers: JSON_TYPE,
            body: json({ ...ctx.loginUser, deviceLabel: text }),
            valid: true,
            expect: [200, 400],
          }
        : {
            kind: 'users: odd display name (valid)',
            method: 'POST',
            path: '/api/v1/users',
            headers: { ...bearer(ctx.admin), ...JSON_TYPE },
            body: json({
              username: `fz${suffix}`,
              displayName: text,
              role: 'promoter',
              password: 'una contraseña larga',
            }),
            valid: true,
            expect: [201, 400, 409],
          },
    );
}

/** Plain valid requests that change nothing: they must keep working in the middle of the noise. */
function harmless(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc
    .tuple(fc.nat(5), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(ctx.admin, ctx.facilitator))
    .map(([which, limit, token]): FuzzRequest => {
      const get = (kind: string, path: string, headers: Record<string, string> = bearer(token)) => ({
        kind,
        method: 'GET',
        path,
        headers,
        expect: [200],
      });
      if (which === 0) return get('health', '/api/v1/health', {});
      if (which === 1) return get('me', '/api/v1/auth/me');
      if (which === 2) return get('pull (valid)', `/api/v1/sync/pull?cursor=${q(ctx.cursor)}&limit=${limit}`);
      if (which === 3) return get('schema', '/api/v1/schema');
      return {
        kind: 'push: duplicate (valid)',
        method: 'POST',
        path: '/api/v1/sync/push',
        headers: { ...bearer(ctx.admin), ...JSON_TYPE },
        body: json({
          clientId: ctx.applied.clientId,
          serverEpoch: ctx.epoch,
          mutations: ctx.applied.mutations,
        }),
        expect: [200],
      };
    });
}

export { brokenForms, harmless, hostileContentForms, hostileContentPushes, wrongPasswords };
