import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { storageRisks, useStorageInfo } from '../../data/use-storage';
import { useEverSynced, useLastSyncAt, usePendingCount } from '../../data/use-sync-state';
import type { SyncStatus } from '../../sync/sync-engine';
import { formatRelativeTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { clockSkewText, hasClockSkew } from './clock-labels';
import { downloadProgressText } from '../../widgets/first-download';

type Tone = 'ok' | 'pending' | 'offline' | 'busy' | 'problem';

const ICONS: Record<Tone, string> = { ok: '✓', pending: '↑', offline: '✕', busy: '↻', problem: '!' };

/**
 * The header's sync state, always visible, in words and an icon (never by
 * colour alone). It is a live region, so a change ("Sin conexión") is read
 * out; tapping it opens /sync.
 *
 * It tells the truth: changes waiting offline are the normal state in the
 * field, so they are counted in neutral words and colour ("3 cambios por
 * enviar"); "Al día" only once a sync has completed with nothing waiting — a
 * device that never synced says so and shows its first download's progress.
 * Badges say when unsynced data is really at risk (storage.repository.ts: old changes
 * on storage the browser may evict, a nearly full quota, a refused session
 * with changes waiting), when the device's date is wrong, and how many of
 * its changes the server saved with its own time; /sync says what to do.
 */
export function SyncIndicator({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const pending = usePendingCount();
  const storedLastSync = useLastSyncAt();
  const everSynced = useEverSynced();
  const now = useNow();
  const sessionRefused = status.phase === 'needs_login';
  const atRisk = storageRisks(useStorageInfo(), now, { sessionRefused }).length > 0;
  const lastSyncAt = status.lastSyncAt ?? storedLastSync;
  // Until the device database answered, neither "never synced" nor "up to date" is known.
  const neverSynced = !lastSyncAt && everSynced === false;
  const syncKnown = Boolean(lastSyncAt) || everSynced !== undefined;

  let tone: Tone;
  let headline: string;
  if (sessionRefused) {
    tone = 'problem';
    headline = t('sync.needsLogin');
  } else if (!status.online) {
    tone = 'offline';
    headline = t('sync.offline');
  } else if (status.phase === 'syncing') {
    tone = 'busy';
    headline = neverSynced ? t('sync.firstDownloadRunning') : t('sync.syncing');
  } else if (status.phase === 'error') {
    tone = 'problem';
    headline = t('sync.error');
  } else if (neverSynced) {
    tone = 'pending';
    headline = t('sync.firstDownloadPending');
  } else if (pending > 0 || !syncKnown) {
    tone = 'pending';
    headline = t('sync.online');
  } else {
    tone = 'ok';
    headline = t('sync.upToDate');
  }
  // The first download, or any pull longer than a page: records received of ~N, time left.
  const progress =
    status.phase === 'syncing' && status.download
      ? downloadProgressText(status.download, t, i18n.language, 'short')
      : null;
  const details = [
    pending > 0 ? t('sync.pending', { count: pending }) : null,
    lastSyncAt
      ? t('sync.lastSync', { when: formatRelativeTime(lastSyncAt, now, i18n.language) })
      : syncKnown
        ? t('sync.neverSynced')
        : null,
    progress,
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
