import type { TFunction } from 'i18next';

export { hasClockSkew } from './clock-labels';

/** A sync error code (`network`, `unauthenticated`, a server code…) in words; unknown codes are shown as they are. */
export function syncErrorText(code: string, t: TFunction): string {
  return t(`syncErrors.${code}`, { defaultValue: t('syncErrors.other', { code }) });
}
