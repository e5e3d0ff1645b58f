/**
 * Services throw domain errors; http/errors.ts is the one place that turns
 * them into the contract's answers (spec/sync-protocol.md: Errors). Each row
 * is the status, code, details and headers a client relies on.
 */
import { describe, expect, it } from 'vitest';
import { toHttpError } from '../../../src/server/http/errors';
import {
  Conflict,
  EpochChanged,
  Forbidden,
  HashMismatch,
  InvalidCursor,
  MutationGap,
  NotFound,
  PayloadTooLarge,
  RateLimited,
  Unauthenticated,
  Unprocessable,
  UnsupportedMediaType,
  UploadAborted,
  UploadOffsetMismatch,
  ValidationFailed,
  type DomainError,
} from '../../../src/server/services/errors';

const rows: [DomainError, number, string, unknown[] | undefined, Record<string, string> | undefined][] = [
  [
    new ValidationFailed('Unknown entity', [{ path: 'mutations.1.entity', message: 'unknown entity: x' }]),
    400,
    'invalid_request',
    [{ path: 'mutations.1.entity', message: 'unknown entity: x' }],
    undefined,
  ],
  [new InvalidCursor(), 400, 'invalid_cursor', undefined, undefined],
  [
    new UploadAborted('The connection was cut before the body ended'),
    400,
    'upload_aborted',
    undefined,
    undefined,
  ],
  [new Unauthenticated(), 401, 'unauthenticated', undefined, undefined],
  [new Forbidden('Not one of the people you coordinate'), 403, 'forbidden', undefined, undefined],
  [new NotFound('No such blob'), 404, 'not_found', undefined, undefined],
  [new EpochChanged(), 409, 'epoch_changed', undefined, undefined],
  [new MutationGap(7), 409, 'mutation_gap', [{ expected: 7 }], undefined],
  [
    new UploadOffsetMismatch(1024),
    409,
    'upload_offset_mismatch',
    [{ expected: 1024 }],
    { 'upload-offset': '1024' },
  ],
  [new Conflict('username_taken', 'taken'), 409, 'username_taken', undefined, undefined],
  [new PayloadTooLarge('too big'), 413, 'payload_too_large', undefined, undefined],
  [new UnsupportedMediaType('send image/*'), 415, 'unsupported_media_type', undefined, undefined],
  [new HashMismatch(), 422, 'hash_mismatch', undefined, undefined],
  [new Unprocessable('invalid_map_pack', 'not PMTiles'), 422, 'invalid_map_pack', undefined, undefined],
  [new RateLimited(15), 429, 'rate_limited', undefined, { 'retry-after': '15' }],
];

describe('domain errors as HTTP answers', () => {
  it.each(rows)('%s → %i %s', (error, status, code, details, headers) => {
    const answer = toHttpError(error);
    expect(answer).toMatchObject({ statusCode: status, code, message: error.message });
    expect(answer!.details).toEqual(details);
    expect(answer!.headers).toEqual(headers);
  });

  it('keeps the messages clients have always read', () => {
    expect(new MutationGap(7).message).toBe('Mutation ids must continue from 7');
    expect(new EpochChanged().message).toBe(
      'The server was restored from a backup: take a new clientId, re-push and pull from the start',
    );
    expect(new Unauthenticated().message).toBe('Missing, invalid or revoked token');
    expect(new RateLimited(1).message).toBe('Too many failed attempts; try again later');
  });

  it('leaves anything else to the 500 handler', () => {
    expect(toHttpError(new Error('database is locked'))).toBeNull();
  });
});
