import type { TFunction } from 'i18next';
import { PROTOCOL_LIMITS } from '../../../domain';
import type { SyncStatus } from '../../sync/sync-engine';

/** A sync error code (`network`, `unauthenticated`, a server code…) in words; unknown codes are shown as they are. */
export function syncErrorText(code: string, t: TFunction): string {
  return t(`syncErrors.${code}`, { defaultValue: t('syncErrors.other', { code }) });
}

export function hasClockSkew(status: Pick<SyncStatus, 'clockSkewMs'>): boolean {
  return status.clockSkewMs !== null && Math.abs(status.clockSkewMs) > PROTOCOL_LIMITS.clockSkewWarningMs;
}
