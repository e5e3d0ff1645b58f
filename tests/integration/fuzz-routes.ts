/**
 * More fuzz generators: hostile query strings and path parameters, wrong
 * methods and unknown paths, blob names and headers, and raw bytes on the
 * socket (requests no HTTP client would send).
 */
import fc from 'fast-check';
import { encodeCursor } from '../../src/server/services/cursor';
import type { FuzzRequest } from './fuzz-support';
import { hostileString } from './fuzz-values';
import { bearer, hex64, type FuzzContext } from './fuzz-requests';

/** Percent-encodes the UTF-8 of `s` (lone surrogates included, as U+FFFD) byte by byte. */
const q = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9._~-]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).padStart(2, '0').toUpperCase()}`,
    )
    .join('');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function badCursor(ctx: FuzzContext): fc.Arbitrary<string> {
  return fc.oneof(
    hostileString()
      .map((s) => s.slice(0, 1200))
      .filter((s) => s !== ''),
    fc.constantFrom(
      'A'.repeat(1001),
      b64({}),
      b64({ e: ctx.epoch, s: -1, f: 'borough' }),
      b64({ e: ctx.epoch, s: '1', f: 'borough' }),
      b64({ e: ctx.epoch, s: 1.5, f: 'borough' }),
      b64({ e: ctx.epoch, s: 1e300, f: 'borough' }),
      b64({ e: ctx.epoch, s: 0 }),
      b64({ e: '', s: 0, f: 'x' }),
      b64([1, 2, 3]),
      b64('string'),
      Buffer.from('not json').toString('base64url'),
      `${ctx.cursor}=`,
      ctx.cursor.slice(0, -2),
      ctx.cursor.toUpperCase(),
      encodeCursor({ e: `${ctx.epoch}x`, s: 0, f: 'borough' }),
    ),
  );
}

const badLimits = [
  '0',
  '-1',
  '1001',
  'abc',
  '',
  'NaN',
  'Infinity',
  '1.5',
  '99999999999999999999',
  '1e999',
  '%00',
];

function hostileQueries(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const limit = fc.oneof(fc.constantFrom(...badLimits), fc.integer({ min: 1, max: 1000 }).map(String));
  return fc
    .tuple(
      fc.nat(7),
      badCursor(ctx),
      limit,
      hostileString(),
      fc.boolean(),
      fc.constantFrom(ctx.admin, ctx.facilitator),
    )
    .map(([which, cursor, lim, longText, twice, token]): FuzzRequest => {
      const facilitator = token === ctx.facilitator;
      // Long enough to be odd, short enough to stay under the 16 KiB request-line limit.
      const text = longText.slice(0, 3000);
      switch (which) {
        case 0:
          return {
            kind: 'pull: bad cursor',
            method: 'GET',
            path: `/api/v1/sync/pull?cursor=${q(cursor)}&limit=${q(lim)}${twice ? `&cursor=${q(ctx.cursor)}` : ''}`,
            headers: bearer(token),
            expect: [400, 409],
          };
        case 1:
          return {
            kind: 'pull: bad limit',
            method: 'GET',
            path: `/api/v1/sync/pull?limit=${q(badLimits[text.length % badLimits.length]!)}${twice ? '&limit=5' : ''}`,
            headers: bearer(token),
            expect: [400],
          };
        case 2:
          return {
            kind: 'rejections: odd query',
            method: 'GET',
            path: `/api/v1/sync/rejections?userId=${q(text)}&limit=${q(lim)}`,
            headers: bearer(token),
            expect: facilitator ? [403] : [200, 400],
          };
        case 3:
          return {
            kind: 'devices: odd user',
            method: 'GET',
            path: `/api/v1/auth/devices?userId=${q(text)}`,
            headers: bearer(token),
            expect: [400, 403, 404],
          };
        case 4:
          return {
            kind: 'devices: odd device id',
            method: 'POST',
            path: `/api/v1/auth/devices/${q(text)}/revoke`,
            headers: bearer(token),
            // 414: a path parameter over the router's length limit.
            expect: [400, 404, 414],
          };
        case 5:
          return {
            kind: 'review: odd item id',
            method: 'POST',
            path: `/api/v1/review/items/${q(text)}/${twice ? 'resolve' : 'dismiss'}`,
            headers: { ...bearer(token), 'content-type': 'application/json' },
            body: Buffer.from(twice ? '{"fields":{}}' : `{"note":${JSON.stringify(text.slice(0, 50))}}`),
            // A facilitator never reaches the queue; 414: a path parameter over the router's limit.
            expect: facilitator ? [403, 414] : [400, 404, 414],
          };
        case 6:
          return {
            kind: 'review: odd filters',
            method: 'GET',
            path: `/api/v1/review/items?state=${q(text)}&userId=${q(text)}&limit=${q(lim)}`,
            headers: bearer(token),
            expect: facilitator ? [403] : [200, 400],
          };
        default:
          return {
            kind: 'query: junk parameters',
            method: 'GET',
            // Invalid UTF-8 (%FF, %C3%28) and prototype keys in the query string.
            path: `/api/v1/auth/me?${q(text)}=${q(text)}&%FF%C3%28=%FE&__proto__[x]=1&constructor[prototype][x]=1`,
            headers: bearer(token),
            expect: [200],
          };
      }
    });
}

const WRONG_METHODS: [string, string][] = [
  ['DELETE', '/api/v1/sync/push'],
  ['GET', '/api/v1/sync/push'],
  ['PUT', '/api/v1/auth/login'],
  ['GET', '/api/v1/auth/login'],
  ['POST', '/api/v1/sync/pull'],
  ['PATCH', '/api/v1/users'],
  ['POST', '/api/v1/auth/me'],
  ['GET', '/api/v1/auth/logout'],
  ['POST', '/api/v1/health'],
  ['OPTIONS', '/api/v1/sync/push'],
  ['TRACE', '/api/v1/health'],
  ['PROPFIND', '/api/v1/'],
  ['DELETE', '/api/v1/blobs/0000000000000000000000000000000000000000000000000000000000000000'],
];

function wrongRoutes(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const known = /^(health|schema|setup|users|auth|sync|blobs|openapi\.json|v1)$/;
  const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,20}$/).filter((s) => !known.test(s));
  return fc
    .tuple(fc.nat(), fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean())
    .map(([pick, parts, authed]) => {
      const headers = authed ? bearer(ctx.admin) : {};
      if (pick % 3 === 0) {
        const [method, path] = WRONG_METHODS[pick % WRONG_METHODS.length]!;
        return { kind: 'wrong method', method, path, headers, expect: [404] };
      }
      const prefix = [
        '/api/v1/',
        '/api/v2/',
        '/api/',
        '/api/v1/sync/push/',
        '/api/v1/../../',
        '/api/v1/%2e%2e/',
      ][pick % 6]!;
      return {
        kind: 'unknown path',
        method: pick % 2 ? 'GET' : 'POST',
        path: prefix + parts.join('/'),
        headers,
        expect: [400, 404],
      };
    });
}

const BLOB_NAMES = [
  'g'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'x',
  '%20',
  '..',
];

function hostileBlobs(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const type = fc.constantFrom(
    'image/jpeg',
    'image/png',
    'audio/webm',
    'image/svg+xml',
    'text/html',
    'application/json',
    '',
  );
  const range = fc.constantFrom(
    undefined,
    'bytes 0-9/10',
    'bytes 5-1/10',
    'bytes 0-9/5',
    'bytes=0-9',
    'bytes 0-99999999999/999999999999',
    'x',
  );
  return fc
    .tuple(
      fc.nat(),
      hex64,
      type,
      range,
      fc.uint8Array({ minLength: 0, maxLength: 64 }),
      fc.constantFrom(ctx.admin, ctx.facilitator),
    )
    .map(([pick, sha, contentType, contentRange, bytes, token]): FuzzRequest => {
      const name =
        pick % 4 === 0 ? BLOB_NAMES[pick % BLOB_NAMES.length]! : pick % 4 === 1 ? sha.toUpperCase() : sha;
      const method = ['PUT', 'PUT', 'HEAD', 'GET'][pick % 4]!;
      const headers: Record<string, string> = { ...bearer(token) };
      if (method === 'PUT' && contentType) headers['content-type'] = contentType;
      if (method === 'PUT' && contentRange) headers['content-range'] = contentRange;
      return {
        kind: `blob: ${method} ${pick % 4 === 0 ? 'bad name' : 'bytes that do not match'}`,
        method,
        path: `/api/v1/blobs/${name}`,
        headers,
        body: method === 'PUT' ? Buffer.from(bytes) : undefined,
        // Never 200/201: those bytes do not hash to the name. 202 = a chunk of a partial upload kept aside.
        expect: method === 'PUT' ? [202, 400, 404, 409, 411, 413, 415, 416, 422] : [400, 403, 404],
      };
    });
}

const CRLF = '\r\n';
const RAW: (string | Buffer)[] = [
  `GARBAGE${CRLF}${CRLF}`,
  `GET /api/v1/health HTTP/1.1${CRLF}${CRLF}`,
  `GET /api/v1/health HTTP/1.1${CRLF}Host: x${CRLF}X-Big: ${'a'.repeat(20_000)}${CRLF}${CRLF}`,
  `GET /api/v1/${'a'.repeat(20_000)} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`,
  `POST /api/v1/sync/push HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 5${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}0${CRLF}${CRLF}`,
  `POST /api/v1/auth/login HTTP/1.1${CRLF}Host: x${CRLF}Content-Type: application/json${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}zz${CRLF}{}${CRLF}0${CRLF}${CRLF}`,
  `POST /api/v1/auth/login HTTP/1.1${CRLF}Host: x${CRLF}Content-Type: application/json${CRLF}Content-Length: 100${CRLF}${CRLF}{"username":`,
  `POST /api/v1/auth/login HTTP/1.1${CRLF}Host: x${CRLF}Content-Type: application/json${CRLF}Content-Length: -1${CRLF}${CRLF}{}`,
  Buffer.concat([
    Buffer.from('GET /api/v1/'),
    Buffer.from([0xff, 0x00, 0x7f]),
    Buffer.from(` HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`),
  ]),
  Buffer.concat([
    Buffer.from(
      `GET /api/v1/auth/me HTTP/1.1${CRLF}Host: x${CRLF}Connection: close${CRLF}Authorization: Bearer caf`,
    ),
    Buffer.from([0xe9, 0xff]),
    Buffer.from(`${CRLF}${CRLF}`),
  ]),
  `GET /api/v1/health HTTP/1.0${CRLF}${CRLF}`,
  `GET http://elsewhere.example/api/v1/auth/me HTTP/1.1${CRLF}Host: x${CRLF}Connection: close${CRLF}${CRLF}`,
  `OPTIONS * HTTP/1.1${CRLF}Host: x${CRLF}Connection: close${CRLF}${CRLF}`,
  `GET /api/v1/sync/pull?cursor=%ZZ%&limit=%%% HTTP/1.1${CRLF}Host: x${CRLF}Connection: close${CRLF}${CRLF}`,
  `GET /api/v1/health HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}GET /api/v1/auth/me HTTP/1.1${CRLF}Host: x${CRLF}Connection: close${CRLF}${CRLF}`,
  `GET /api/v1/health HTTP/9.9${CRLF}Host: x${CRLF}${CRLF}`,
  `POST /api/v1/auth/login HTTP/1.1${CRLF}Host: x${CRLF}Content-Type: application/json${CRLF}Content-Length: 2${CRLF}Content-Length: 3${CRLF}${CRLF}{}`,
  `GET /api/v1/health HTTP/1.1${CRLF}Host: x${CRLF}Bad Header Name: 1${CRLF}${CRLF}`,
];

function rawRequests(): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...RAW).map((raw) => ({
    kind: 'raw bytes',
    method: 'RAW',
    path: '',
    headers: {},
    raw: typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw,
  }));
}

export { hostileBlobs, hostileQueries, rawRequests, wrongRoutes };
