import type { TFunction } from 'i18next';
import { ApiError } from '../../net/api-client';
import './strings';

/** What to say when the server could not answer an enrolment request. */
export function enrolmentErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('enrolment.offline');
    if (error.code === 'not_found' || error.code === 'forbidden') return t('enrolment.notManaged');
    if (error.code === 'unauthenticated') return t('auth.sessionExpired');
    if (error.status >= 500) return t('auth.errors.server');
    return t('enrolment.failed', { message: error.message });
  }
  return t('enrolment.failed', { message: error instanceof Error ? error.message : String(error) });
}
