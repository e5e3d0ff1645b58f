import type { TFunction } from 'i18next';
import { ApiError } from '../net/api-client';

/** One area's words for a failed request to the server. */
export interface ServerErrorKeys {
  /** The key for each error code the area names (`network`: the request never reached the server). */
  codes: Readonly<Record<string, string>>;
  /** The key for anything else, given the error's `message`. */
  failed: string;
}

/**
 * What to say when the server could not answer a request of the office's
 * screens (accounts, devices, enrolment, the review queue). The codes the
 * area names come first, each given the server's words as `reason`; an
 * expired session and the server's own trouble read the same everywhere.
 */
export function serverErrorText(error: unknown, t: TFunction, keys: ServerErrorKeys): string {
  if (error instanceof ApiError) {
    if (Object.hasOwn(keys.codes, error.code)) return t(keys.codes[error.code], { reason: error.message });
    if (error.code === 'unauthenticated') return t('auth.sessionExpired');
    if (error.status >= 500) return t('auth.errors.server');
    return t(keys.failed, { message: error.message });
  }
  return t(keys.failed, { message: error instanceof Error ? error.message : String(error) });
}
