import type { TFunction } from 'i18next';
import { serverErrorText } from '../../widgets/server-error-text';
import './strings';

/** What to say when the server could not answer a device-management request. */
export const remoteErrorText = (error: unknown, t: TFunction): string =>
  serverErrorText(error, t, {
    codes: { network: 'devices.offline', forbidden: 'devices.forbidden' },
    failed: 'devices.failed',
  });
