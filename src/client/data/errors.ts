import type { z } from 'zod';

/** A record that does not satisfy its entity's schema: nothing was written. */
export class ValidationError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    this.name = 'ValidationError';
  }
}

/**
 * The record to change does not exist (or was deleted, e.g. by a sync meanwhile).
 * Its `name` must not be an IndexedDB error name: Dexie replaces an error called
 * `NotFoundError` thrown inside a transaction by its own class, and `instanceof` fails.
 */
export class NotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`);
    this.name = 'RecordNotFoundError';
  }
}
