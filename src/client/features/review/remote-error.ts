import type { TFunction } from 'i18next';
import { ApiError } from '../../net/api-client';
import './strings';

/** What to say when the server could not answer a review request. */
export function remoteErrorText(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('review.offline');
    if (error.code === 'forbidden') return t('review.forbidden');
    if (error.code === 'not_found') return t('review.notFound');
    if (error.code === 'review_closed') return t('review.closed');
    if (error.code === 'review_refused') return t('review.refused', { reason: error.message });
    if (error.code === 'unauthenticated') return t('auth.sessionExpired');
    if (error.status >= 500) return t('auth.errors.server');
    return t('review.failed', { message: error.message });
  }
  return t('review.failed', { message: error instanceof Error ? error.message : String(error) });
}
