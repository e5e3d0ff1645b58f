import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEverSynced } from '../data/use-sync-state';
import type { DownloadProgress, SyncStatus } from '../sync/sync-engine';
import { formatNumber } from '../ui/format';
import { Loading } from '../ui/status-views';

/** "faltan ~40 segundos", "falta ~1 minuto": seconds in steps of 5 under a minute, then minutes. */
export function timeLeftText(ms: number, t: TFunction): string {
  const seconds = Math.max(5, Math.ceil(ms / 5000) * 5);
  if (seconds < 60) return t('sync.timeLeftSeconds', { count: seconds });
  return t('sync.timeLeftMinutes', { count: Math.round(seconds / 60) });
}

/**
 * "120 de ~800 registros · faltan ~40 segundos" (`short`) or "Descargando… 120 de ~800
 * registros · …" (`long`); without a total, what arrived; the time left once it can be told.
 */
export function downloadProgressText(
  download: DownloadProgress,
  t: TFunction,
  locale: string,
  form: 'short' | 'long',
): string {
  const received = formatNumber(download.received, locale);
  if (download.total === null) {
    return t(form === 'short' ? 'sync.progressNoTotal' : 'sync.firstDownload.runningNoTotal', { received });
  }
  const total = formatNumber(Math.max(download.total, download.received), locale);
  const text = t(form === 'short' ? 'sync.progress' : 'sync.firstDownload.running', { received, total });
  const timeLeft = download.timeLeftMs;
  return timeLeft === null || timeLeft === undefined ? text : `${text} · ${timeLeftText(timeLeft, t)}`;
}

/**
 * In place of an empty list on a device that never synced: it has not
 * downloaded yet, so "nothing here" would be false. Says what is happening —
 * the first download's progress (records received of the server's estimate),
 * waiting for a connection, retrying, or a refused session — and shows
 * `children` (the usual empty state) once a sync has completed.
 */
export function FirstDownloadNotice({ status, children }: { status: SyncStatus; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const everSynced = useEverSynced();
  if (status.lastSyncAt || everSynced) return children;
  if (everSynced === undefined) return <Loading />;

  const download = status.phase === 'syncing' ? status.download : null;
  let text: string;
  if (status.phase === 'needs_login') text = t('sync.firstDownload.needsLogin');
  else if (!status.online) text = t('sync.firstDownload.offline');
  else if (download) text = downloadProgressText(download, t, i18n.language, 'long');
  else if (status.phase === 'error') text = t('sync.firstDownload.failed');
  else text = t('sync.firstDownload.starting');

  return (
    <div className="empty first-download">
      <p role="status">
        <strong>{text}</strong>
      </p>
      {download && download.total ? (
        <progress
          value={download.received}
          max={Math.max(download.total, download.received)}
          aria-label={t('sync.firstDownloadRunning')}
        />
      ) : null}
      <p>{t('sync.firstDownload.hint')}</p>
    </div>
  );
}
