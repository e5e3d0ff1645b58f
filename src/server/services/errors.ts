/**
 * What the server refuses, said in its own terms. Services throw these and
 * never speak HTTP; `http/errors.ts` turns each kind into the contract's
 * status, body and headers in one place (spec/sync-protocol.md: Errors).
 * Each error carries the contract's `code` and a human-readable message;
 * `details` are the structured facts a client acts on (failing paths, the
 * mutation id or byte offset to continue from).
 */

export interface ErrorDetail {
  path?: string;
  message?: string;
  [key: string]: unknown;
}

/** One kind per answer the contract distinguishes; http/errors.ts maps every kind. */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_type'
  | 'unprocessable'
  | 'rate_limited';

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A kind that always answers with one code: the message (a default when none) and details vary. */
function withCode<Kind extends ErrorKind>(kind: Kind, code: string, fallback: string) {
  return class extends DomainError {
    readonly kind = kind;

    constructor(message = fallback, details?: ErrorDetail[]) {
      super(code, message, details);
    }
  };
}

/** Input the server cannot use (`invalid_request`, with the failing paths in `details`). */
export class ValidationFailed extends DomainError {
  readonly kind = 'invalid';

  constructor(message: string, details?: ErrorDetail[], code = 'invalid_request') {
    super(code, message, details);
  }
}

export class InvalidCursor extends ValidationFailed {
  constructor() {
    super('The cursor is not valid; pull without a cursor to start over', undefined, 'invalid_cursor');
  }
}

/** The body ended before the bytes it announced (the connection was cut). */
export class UploadAborted extends ValidationFailed {
  constructor(message: string) {
    super(message, undefined, 'upload_aborted');
  }
}

export class Unauthenticated extends withCode(
  'unauthenticated',
  'unauthenticated',
  'Missing, invalid or revoked token',
) {}

/** Outside the caller's role or territorial scope (docs/authorization.md). */
export class Forbidden extends withCode('forbidden', 'forbidden', 'Not allowed for this user') {}

export class NotFound extends withCode('not_found', 'not_found', 'Not found') {}

/** The request does not fit the server's current state (`username_taken`, `already_set_up`, …). */
export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

/** The server was restored from a backup: the client's epoch or cursor is from before. */
export class EpochChanged extends Conflict {
  constructor() {
    super(
      'epoch_changed',
      'The server was restored from a backup: take a new clientId, re-push and pull from the start',
    );
  }
}

/** A push skipped mutation ids; the client must continue from `expected`. */
export class MutationGap extends Conflict {
  constructor(readonly expected: number) {
    super('mutation_gap', `Mutation ids must continue from ${expected}`, [{ expected }]);
  }
}

/** A resumable upload's chunk does not start where the stored part ends (`offset`). */
export class UploadOffsetMismatch extends Conflict {
  constructor(readonly offset: number) {
    super('upload_offset_mismatch', `The upload continues at byte ${offset}`, [{ expected: offset }]);
  }
}

export class PayloadTooLarge extends withCode('too_large', 'payload_too_large', 'Payload too large') {}

export class UnsupportedMediaType extends withCode(
  'unsupported_type',
  'unsupported_media_type',
  'Unsupported media type',
) {}

/** Well-formed but refused on its content (`invalid_map_pack`, a refused record, …). */
export class Unprocessable extends DomainError {
  readonly kind = 'unprocessable';
}

export class HashMismatch extends Unprocessable {
  constructor() {
    super('hash_mismatch', 'The bytes do not hash (SHA-256) to the name in the URL');
  }
}

/** Too many failed attempts; the caller may try again after `retryAfterSeconds`. */
export class RateLimited extends DomainError {
  readonly kind = 'rate_limited';

  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'Too many failed attempts; try again later');
  }
}
