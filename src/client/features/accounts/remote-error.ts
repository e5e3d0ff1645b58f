import type { TFunction } from 'i18next';
import { serverErrorText } from '../../widgets/server-error-text';
import './strings';

/** What to say when the server could not answer an account request. */
export const accountsErrorText = (error: unknown, t: TFunction): string =>
  serverErrorText(error, t, {
    codes: {
      network: 'accounts.offline',
      forbidden: 'accounts.forbidden',
      not_found: 'accounts.notManaged',
      username_taken: 'accounts.usernameTaken',
    },
    failed: 'accounts.failed',
  });
