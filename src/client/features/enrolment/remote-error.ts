import type { TFunction } from 'i18next';
import { serverErrorText } from '../../widgets/server-error-text';
import './strings';

/** What to say when the server could not answer an enrolment request. */
export const enrolmentErrorText = (error: unknown, t: TFunction): string =>
  serverErrorText(error, t, {
    codes: {
      network: 'enrolment.offline',
      not_found: 'enrolment.notManaged',
      forbidden: 'enrolment.notManaged',
    },
    failed: 'enrolment.failed',
  });
