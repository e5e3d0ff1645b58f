/**
 * Hostile values and bodies for the API fuzz run: wrong types, huge and
 * odd strings (NUL, lone surrogates, bidi overrides, SQL and path
 * fragments), deep nesting, prototype-pollution keys, JSON that is not
 * quite JSON (NaN, Infinity, trailing commas, BOM), invalid UTF-8 and
 * bodies over the size limit.
 */
import fc from 'fast-check';

const MiB = 1024 * 1024;

/** Names that mean something to JavaScript objects. */
export const prototypeKeys = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'prototype',
];

export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      '\udfff\ud800',
      '\u202e\u0645\u0631\u062d\u0628\u0627',
      "'; drop table users; --",
      '../../../../etc/passwd',
      '%00%ff',
      '\r\nX-Injected: 1',
      '${7*7}{{7*7}}',
      '<script>alert(1)</script>',
      '🙂'.repeat(50),
      ' ',
      'NaN',
      'Infinity',
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer({ min: 1, max: 200_000 }).map((n) => 'x'.repeat(n)),
  );
}

/** Values of every JSON type (and some JavaScript ones that serialize oddly). */
export function junkValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', [], {}),
    hostileString(),
  );
}

function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** JSON text of a value nested `depth` levels deep (objects and arrays by turns). */
export function deepJson(depth: number): string {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i++) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"bottom"${close}`;
}

/** A body with `"$DEEP$"` replaced by a value nested `depth` levels deep (too deep for JSON.stringify). */
export function withDeepValue(value: unknown, depth: number): Buffer {
  return Buffer.from(JSON.stringify(value).replace('"$DEEP$"', deepJson(depth)));
}

const text = (s: string) => Buffer.from(s, 'utf8');

/** Request bodies that no endpoint can accept as they are. */
export function hostileBodies(): fc.Arbitrary<Buffer> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => text(JSON.stringify(v) ?? 'null')) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(
          '',
          '{',
          '}',
          'NaN',
          'Infinity',
          '-Infinity',
          '{"id": NaN}',
          '{"id": Infinity}',
          '[1,]',
          "{'a': 1}",
          '\ufeff{}',
          'null',
          '"string"',
          '{"__proto__": {"polluted": 1}}',
          '{"constructor": {"prototype": {"polluted": 1}}}',
          '{"a": 1, "a": 2}',
          '{"clientId": "\\u0000"}',
          '{"username": "\\ud800", "password": "\\udfff", "deviceLabel": "x"}',
        )
        .map(text),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 100, max: 50_000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
        .map(([depth, kind]) => text(nested(depth, kind))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
        Buffer.from('{"username":"ana","password":"\xc0\xaf","deviceLabel":"x"}', 'latin1'),
        Buffer.from(JSON.stringify({ a: 1 }), 'utf16le'),
        Buffer.from([0x00, 0x00, 0x00]),
      ),
    },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)) },
    // Over the 5 MiB limit (and one just under it, which still is not a valid request).
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(5 * MiB + 1, 6 * MiB, 5 * MiB - 100)
        .map((n) => text(`{"clientId":"${'x'.repeat(n - 16)}"}`)),
    },
  );
}

/** The same, for any JSON value the fuzzer wants to embed in a request. */
export function hostileJson(): fc.Arbitrary<unknown> {
  return junkValue();
}
