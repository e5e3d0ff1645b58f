import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  useLastSyncAt,
  usePendingCount,
  useRejectedChanges,
  type RejectedChange,
} from '../../data/use-sync-state';
import type { SyncStatus } from '../../sync/sync-engine';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { useNow } from '../../ui/use-now';
import { ImportSection } from './import-section';
import { StorageSection } from './storage-section';
import { ClockNotice } from './clock-notice';
import { ConflictsSection } from './conflicts-section';
import { syncErrorText } from './sync-labels';

export interface SyncPageProps {
  status: SyncStatus;
  onSyncNow(): void;
}

function RejectedItem({ change, now }: { change: RejectedChange; now: number }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="card">
      <p>
        <strong>{t(`entities.${change.entity}`, { defaultValue: change.entity })}</strong> ·{' '}
        {t(change.op === 'delete' ? 'sync.rejectedDelete' : 'sync.rejectedPut')}
      </p>
      <p>
        {t('sync.reason')}: {syncErrorText(change.code, t)}
        {change.message ? ` — ${change.message}` : ''}
      </p>
      <p className="small">
        <time dateTime={change.at} title={formatDateTime(change.at, i18n.language)}>
          {formatRelativeTime(change.at, now, i18n.language)}
        </time>{' '}
        · {t('sync.recordId')}: <code>{change.recordId.slice(0, 13)}…</code>
        {change.entity === 'session' && change.op !== 'delete' ? (
          <>
            {' '}
            · <Link to={`/sessions/${change.recordId}`}>{t('sync.openRecord')}</Link>
          </>
        ) : null}
      </p>
    </li>
  );
}

/** `/sync`: everything about this device's sync, and a button to sync now. */
export function SyncPage({ status, onSyncNow }: SyncPageProps) {
  const { t, i18n } = useTranslation();
  const pending = usePendingCount();
  const rejected = useRejectedChanges();
  const storedLastSync = useLastSyncAt();
  const now = useNow();
  const lastSyncAt = status.lastSyncAt ?? storedLastSync;

  return (
    <section>
      <PageHeading title={t('sync.title')}>{t('sync.title')}</PageHeading>
      <dl className="facts card">
        <div>
          <dt>{t('sync.connection')}</dt>
          <dd>{status.online ? t('sync.online') : t('sync.offline')}</dd>
        </div>
        <div>
          <dt>{t('sync.waiting')}</dt>
          <dd>{t('sync.pending', { count: pending })}</dd>
        </div>
        <div>
          <dt>{t('sync.lastSuccess')}</dt>
          <dd>
            {lastSyncAt ? (
              <time dateTime={lastSyncAt} title={formatDateTime(lastSyncAt, i18n.language)}>
                {formatRelativeTime(lastSyncAt, now, i18n.language)}
              </time>
            ) : (
              t('sync.neverSynced')
            )}
          </dd>
        </div>
        <div>
          <dt>{t('sync.state')}</dt>
          <dd>{t(`sync.phases.${status.phase}`)}</dd>
        </div>
        {status.lastError ? (
          <div>
            <dt>{t('sync.lastError')}</dt>
            <dd>{syncErrorText(status.lastError, t)}</dd>
          </div>
        ) : null}
      </dl>
      <ClockNotice status={status} />
      {status.phase === 'needs_login' ? (
        <p className="notice notice-warning">
          {t('sync.needsLoginHelp')} <Link to="/login">{t('auth.signIn')}</Link>
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          onClick={onSyncNow}
          disabled={status.phase === 'syncing'}
        >
          {status.phase === 'syncing' ? t('sync.syncing') : t('sync.syncNow')}
        </button>
      </div>
      {!status.online ? <p className="field-hint">{t('sync.offlineHelp')}</p> : null}

      <StorageSection sessionRefused={status.phase === 'needs_login'} />

      <ConflictsSection />

      <h2>{t('sync.rejectedTitle')}</h2>
      {rejected.length === 0 ? (
        <p>{t('sync.noRejected')}</p>
      ) : (
        <>
          <p>{t('sync.rejectedHelp')}</p>
          <ul className="plain-list stack">
            {rejected.map((change) => (
              <RejectedItem key={change.key ?? change.mutationId} change={change} now={now} />
            ))}
          </ul>
        </>
      )}
      <ImportSection />
    </section>
  );
}
