import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { storageRisks, useStorageInfo } from '../../data/use-storage';
import { useLastSyncAt, usePendingCount } from '../../data/use-sync-state';
import type { SyncStatus } from '../../sync/sync-engine';
import { formatRelativeTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { clockSkewText, hasClockSkew } from './clock-labels';

type Tone = 'ok' | 'pending' | 'offline' | 'busy' | 'problem';

const ICONS: Record<Tone, string> = { ok: '✓', pending: '↑', offline: '✕', busy: '↻', problem: '!' };

/**
 * The header's sync state, always visible, in words and an icon (never by
 * colour alone). It is a live region, so a change ("Sin conexión") is read
 * out; tapping it opens /sync. Badges say when unsynced data on the
 * device is at risk (storage.repository.ts), when the device's date is wrong, and how
 * many of its changes the server saved with its own time, so these warnings
 * are seen on every page; /sync says more.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const pending = usePendingCount();
  const storedLastSync = useLastSyncAt();
  const now = useNow();
  const atRisk = storageRisks(useStorageInfo(), now).length > 0;
  const lastSyncAt = status.lastSyncAt ?? storedLastSync;

  let tone: Tone;
  let headline: string;
  if (status.phase === 'needs_login') {
    tone = 'problem';
    headline = t('sync.needsLogin');
  } else if (!status.online) {
    tone = 'offline';
    headline = t('sync.offline');
  } else if (status.phase === 'syncing') {
    tone = 'busy';
    headline = t('sync.syncing');
  } else if (status.phase === 'error') {
    tone = 'problem';
    headline = t('sync.error');
  } else if (pending > 0) {
    tone = 'pending';
    headline = t('sync.online');
  } else {
    tone = 'ok';
    headline = t('sync.upToDate');
  }
  const details = [
    pending > 0 ? t('sync.pending', { count: pending }) : null,
    lastSyncAt
      ? t('sync.lastSync', { when: formatRelativeTime(lastSyncAt, now, i18n.language) })
      : t('sync.neverSynced'),
  ].filter(Boolean);

  return (
    <Link to="/sync" className={`sync-indicator sync-${tone}`}>
      <span className="sync-icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <span role="status" className="sync-text">
        <strong>{headline}</strong>
        <span className="sync-details">{details.join(' · ')}</span>
        {atRisk ? (
          <span className="sync-risk">
            <span aria-hidden="true">⚠ </span>
            {t('storage.badge')}
          </span>
        ) : null}
        {hasClockSkew(status) ? (
          <span className="sync-risk">
            <span aria-hidden="true">⚠ </span>
            {clockSkewText(status.clockSkewMs!, t, i18n.language, 'badge')}
          </span>
        ) : null}
        {status.restamped && status.restamped.count > 0 ? (
          <span className="sync-risk">{t('sync.restampedBadge', { count: status.restamped.count })}</span>
        ) : null}
      </span>
    </Link>
  );
}
