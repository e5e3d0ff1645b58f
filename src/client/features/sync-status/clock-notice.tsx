import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../sync/sync-engine';
import { formatDateTime } from '../../ui/format';
import { clockSkewText, hasClockSkew } from './clock-labels';

/**
 * The sync page's word on this device's clock: how far its date is off and
 * what to do (an alert, since the user has to act), and how many of its
 * changes the server stored with its own time instead (a status: nothing was
 * lost, nothing to do). Neither blocks the page.
 */
export function ClockNotice({ status }: { status: Pick<SyncStatus, 'clockSkewMs' | 'restamped'> }) {
  const { t, i18n } = useTranslation();
  const restamped = status.restamped && status.restamped.count > 0 ? status.restamped : null;
  const skewed = hasClockSkew(status);
  if (!skewed && !restamped) return null;
  return (
    <div className="stack">
      {skewed ? (
        <div className="notice notice-warning stack" role="alert">
          <p>
            <strong>{clockSkewText(status.clockSkewMs!, t, i18n.language)}</strong>
          </p>
          <p>{t('sync.clockFix')}</p>
        </div>
      ) : null}
      {restamped ? (
        <div className="notice stack" role="status">
          <p>{t('sync.restamped', { count: restamped.count })}</p>
          <p className="small">
            {/* The server's time: this device's own clock may be the wrong one. */}
            {t('sync.restampedLast', { when: formatDateTime(restamped.lastAt, i18n.language) })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
