import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvictedBlobs } from '../../data/use-blobs';
import {
  hasOldUnsyncedChanges,
  storageRisks,
  useStorageInfo,
  type StorageInfo,
} from '../../data/use-storage';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { useNow } from '../../ui/use-now';
import { ExportUnsynced } from './export-unsynced';
import { formatBytes, formatShare } from './storage-labels';

function usageText(
  info: StorageInfo,
  locale: string,
  unknown: string,
  of: (a: string, b: string, c: string) => string,
) {
  if (info.usage === null) return unknown;
  if (!info.quota) return formatBytes(info.usage, locale);
  return of(
    formatBytes(info.usage, locale),
    formatBytes(info.quota, locale),
    formatShare(info.usage / info.quota, locale),
  );
}

/**
 * The device's storage on /sync: how much is used, whether the browser
 * protects it, how old the oldest unsynced change is, how many confirmed
 * photos were freed to make room (downloaded again when viewed) — and a warning
 * (an alert) only when unsynced data is really at risk (storage.ts), each risk
 * with what to do: sync, free space, sign in again, or download the file of
 * pending changes for the coordination team. Changes merely waiting get a
 * neutral note, never the alarm.
 */
export function StorageSection({ sessionRefused = false }: { sessionRefused?: boolean }) {
  const { t, i18n } = useTranslation();
  const info = useStorageInfo();
  const evicted = useEvictedBlobs();
  const now = useNow();
  const headingId = useId();
  const locale = i18n.language;
  const risks = storageRisks(info, now, { sessionRefused });
  const oldButSafe = risks.length === 0 && hasOldUnsyncedChanges(info, now);
  const age = info.oldestUnsyncedAt ? formatRelativeTime(info.oldestUnsyncedAt, now, locale) : '';
  const share = info.usage !== null && info.quota ? formatShare(info.usage / info.quota, locale) : '';

  return (
    <section aria-labelledby={headingId} className="page-section">
      <h2 id={headingId}>{t('storage.title')}</h2>
      <dl className="facts card">
        <div>
          <dt>{t('storage.usage')}</dt>
          <dd>
            {usageText(info, locale, t('storage.unknown'), (used, quota, percent) =>
              t('storage.usageOf', { used, quota, percent }),
            )}
          </dd>
        </div>
        <div>
          <dt>{t('storage.persistence')}</dt>
          <dd>
            {info.persisted === null
              ? t('storage.unknown')
              : t(info.persisted ? 'storage.persisted' : 'storage.notPersisted')}
          </dd>
        </div>
        <div>
          <dt>{t('storage.oldest')}</dt>
          <dd>
            {info.oldestUnsyncedAt ? (
              <time dateTime={info.oldestUnsyncedAt} title={formatDateTime(info.oldestUnsyncedAt, locale)}>
                {age}
              </time>
            ) : (
              t('storage.nothingWaiting')
            )}
          </dd>
        </div>
        {info.pendingBlobs > 0 ? (
          <div>
            <dt>{t('storage.pendingFilesLabel')}</dt>
            <dd>{t('storage.pendingFiles', { count: info.pendingBlobs })}</dd>
          </div>
        ) : null}
        {evicted.count > 0 ? (
          <div>
            <dt>{t('storage.evictedLabel')}</dt>
            <dd>
              {t('storage.evicted', { count: evicted.count, size: formatBytes(evicted.bytes, locale) })}
            </dd>
          </div>
        ) : null}
      </dl>
      {evicted.count > 0 ? <p className="field-hint">{t('storage.evictedHelp')}</p> : null}
      {info.persisted === false ? <p className="field-hint">{t('storage.notPersistedHelp')}</p> : null}
      {oldButSafe ? <p className="notice">{t('storage.waitingNote', { age })}</p> : null}
      {risks.length > 0 ? (
        <div className="notice notice-warning" role="alert">
          <p>
            <strong>{t('storage.riskTitle')}</strong>
          </p>
          <ul>
            {risks.map((risk) => (
              <li key={risk}>{t(`storage.risks.${risk}`, { age, share })}</li>
            ))}
          </ul>
          <p>{t('storage.riskHelp')}</p>
        </div>
      ) : null}
      <ExportUnsynced waiting={info.pendingCount + info.pendingBlobs} />
    </section>
  );
}
