import type { TFunction } from 'i18next';
import { ApiError } from '../../net/api-client';
import './strings';

/** What to say when the server could not answer an account request. */
export function accountsErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('accounts.offline');
    if (error.code === 'forbidden') return t('accounts.forbidden');
    if (error.code === 'not_found') return t('accounts.notManaged');
    if (error.code === 'username_taken') return t('accounts.usernameTaken');
    if (error.code === 'unauthenticated') return t('auth.sessionExpired');
    if (error.status >= 500) return t('auth.errors.server');
    return t('accounts.failed', { message: error.message });
  }
  return t('accounts.failed', { message: error instanceof Error ? error.message : String(error) });
}
