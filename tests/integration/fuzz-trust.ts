/**
 * Hostile writes by an ordinary account (a facilitator), for the API fuzz run:
 * well-formed pushes that try what the trust-boundary review found — stamps far
 * in the future, unknown fields, control characters, a team take-over,
 * reference data, records of processes not theirs, a borrowed clientId. Each
 * carries its own check of the answer; those marked `recordsUnchanged` must
 * leave every record (and the scope mirrors) exactly as they were, although
 * the refusal itself is stored for review.
 */
import fc from 'fast-check';
import { formatHlc, PROTOCOL_LIMITS } from '../../src/domain';
import { bearer, json, JSON_TYPE, stamp, uuid, validSession, type FuzzContext } from './fuzz-requests';
import type { FuzzRequest, FuzzResponse } from './fuzz-support';

const FORBIDDEN_CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u001f',
  '\u007f',
];

function results(response: FuzzResponse): { status: string; code?: string; hlc?: string }[] {
  return (JSON.parse(response.body.toString('utf8')) as { results: [] }).results;
}

/** Every mutation of the answer refused with `code`. */
const allRefused = (code: string) => (response: FuzzResponse) =>
  results(response).every((r) => r.status === 'rejected' && r.code === code)
    ? []
    : [`expected every mutation rejected as ${code}: ${response.body.toString('utf8').slice(0, 300)}`];

function push(
  ctx: FuzzContext,
  kind: string,
  mutations: unknown[],
  check: FuzzRequest['check'],
  clientId: string,
) {
  return {
    kind,
    method: 'POST',
    path: '/api/v1/sync/push',
    headers: { ...bearer(ctx.facilitator), ...JSON_TYPE },
    body: json({ clientId, serverEpoch: ctx.epoch, mutations }),
    valid: true,
    recordsUnchanged: check !== futureChecked,
    expect: [200],
    check,
  } satisfies FuzzRequest;
}

/** A far-future stamp is applied with a present one, never stored as sent. */
function futureChecked(response: FuzzResponse): string[] {
  const limit = Date.now() + PROTOCOL_LIMITS.maxClockAheadMs;
  return results(response).every(
    (r) =>
      r.status === 'applied' &&
      r.code === 'clock_ahead' &&
      typeof r.hlc === 'string' &&
      Date.parse(r.hlc.slice(0, 24)) <= limit,
  )
    ? []
    : [`a future stamp was not re-stamped: ${response.body.toString('utf8').slice(0, 300)}`];
}

export function hostileWrites(ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const session = (n: number) => validSession(ctx, n);
  return fc
    .tuple(
      uuid,
      uuid,
      fc.nat(1e6),
      fc.nat(6),
      fc.constantFrom(...FORBIDDEN_CONTROLS),
      fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,20}$/),
      fc.integer({
        min: Date.parse('2027-01-01T00:00:00.000Z'),
        max: Date.UTC(9999, 11, 31, 23, 59, 59, 999),
      }),
    )
    .filter(([, , , , , name]) => !(name in session(0)))
    .map(([clientId, recordId, n, shape, control, name, future]): FuzzRequest => {
      const put = (entity: string, fields: Record<string, unknown>, hlc = stamp(n)) => ({
        id: 1,
        entity,
        recordId,
        op: 'put',
        fields,
        hlc,
      });
      switch (shape) {
        case 0: {
          const hlc = formatHlc({ millis: future, counter: n % 0x10000, node: '00000000000000f2' });
          return push(
            ctx,
            'trust: stamp in the future',
            [put('session', session(n), hlc)],
            futureChecked,
            clientId,
          );
        }
        case 1:
          return push(
            ctx,
            'trust: unknown field',
            [put('session', { ...session(n), [name]: n })],
            allRefused('validation_failed'),
            clientId,
          );
        case 2:
          return push(
            ctx,
            'trust: control character',
            [put('session', { ...session(n), title: `Asamblea ${control} ${n}` })],
            allRefused('validation_failed'),
            clientId,
          );
        case 3:
          return push(
            ctx,
            'trust: team take-over',
            [{ ...put('process', { teamUserIds: [name] }), recordId: ctx.processId }],
            allRefused('forbidden'),
            clientId,
          );
        case 4:
          return push(
            ctx,
            'trust: reference data',
            [put('directorate', { name: `Dirección ${n}`, number: (n % 98) + 1 })],
            allRefused('forbidden'),
            clientId,
          );
        case 5:
          return push(
            ctx,
            'trust: another process',
            [put('session', { ...session(n), processId: recordId })],
            allRefused('forbidden'),
            clientId,
          );
        default:
          // A clientId another user pushed with: refused whole, nothing stored at all.
          return {
            kind: 'trust: borrowed clientId',
            method: 'POST',
            path: '/api/v1/sync/push',
            headers: { ...bearer(ctx.facilitator), ...JSON_TYPE },
            body: json({
              clientId: ctx.applied.clientId,
              serverEpoch: ctx.epoch,
              mutations: [{ ...put('session', session(n)), id: ctx.applied.mutations.length + 1 }],
            }),
            expect: [403],
          };
      }
    });
}
