import type { TFunction } from 'i18next';
import { ApiError } from '../../net/api-client';
import './strings';

/** What to say when the server could not answer a device-management request. */
export function remoteErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('devices.offline');
    if (error.code === 'forbidden') return t('devices.forbidden');
    if (error.code === 'unauthenticated') return t('auth.sessionExpired');
    if (error.status >= 500) return t('auth.errors.server');
    return t('devices.failed', { message: error.message });
  }
  return t('devices.failed', { message: error instanceof Error ? error.message : String(error) });
}
