import type { TFunction } from 'i18next';
import { ApiError } from '../net/api-client';

/** What to tell someone whose sign-in or setup failed, by the server's error code. */
export function authErrorMessage(error: unknown, t: TFunction, context: 'login' | 'setup'): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'network':
        return t(context === 'login' ? 'auth.errors.offlineLogin' : 'auth.errors.offlineSetup');
      case 'unauthenticated':
        return t(context === 'login' ? 'auth.errors.wrongCredentials' : 'auth.errors.wrongCode');
      case 'forbidden':
        return t(context === 'login' ? 'auth.errors.forbidden' : 'auth.errors.wrongCode');
      case 'rate_limited':
        return t('auth.errors.rateLimited');
      case 'already_set_up':
        return t('auth.errors.alreadySetUp');
      default:
        if (error.status >= 500) return t('auth.errors.server');
        return t('auth.errors.other', { message: error.message });
    }
  }
  return t('auth.errors.other', { message: error instanceof Error ? error.message : String(error) });
}
