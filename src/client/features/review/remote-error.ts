import type { TFunction } from 'i18next';
import { serverErrorText } from '../../widgets/server-error-text';
import './strings';

/** What to say when the server could not answer a review request. */
export const remoteErrorText = (error: unknown, t: TFunction): string =>
  serverErrorText(error, t, {
    codes: {
      network: 'review.offline',
      forbidden: 'review.forbidden',
      not_found: 'review.notFound',
      review_closed: 'review.closed',
      review_refused: 'review.refused',
    },
    failed: 'review.failed',
  });
