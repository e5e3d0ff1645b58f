import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROCESS_STAGES } from '../../../domain';
import { useProcesses, type ProcessView } from '../../data/use-processes';
import { useSessions } from '../../data/use-sessions';
import type { SyncStatus } from '../../sync/sync-engine';
import { FirstDownloadNotice } from '../../widgets/first-download';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { NewRecordLink } from '../../ui/new-record-link';
import './strings';

export function stageNumber(stage: ProcessView['stage']): number {
  return PROCESS_STAGES.indexOf(stage) + 1;
}

function ProcessCard({ process }: { process: ProcessView }) {
  const { t } = useTranslation();
  const sessions = useSessions(process.id);
  return (
    <li>
      <Link to={`/processes/${process.id}`} className="card card-link">
        <h2 className="card-title">{process.name}</h2>
        <p>
          <span className="muted-label">{t('processes.units')}:</span> {process.unitKeys.join(', ')}
        </p>
        <p>
          <span className="stage-badge">
            {t('processes.stageOf', { number: stageNumber(process.stage), total: PROCESS_STAGES.length })}
          </span>{' '}
          {t(`vocabulary.stages.${process.stage}`)}
        </p>
        {sessions ? <p>{t('processes.sessionCount', { count: sessions.length })}</p> : null}
      </Link>
    </li>
  );
}

/**
 * `/`: the processes this device holds, as large cards: one tap opens a process.
 * With the sync status, a device that never synced shows its first download
 * instead of "no processes".
 */
export function ProcessesPage({ syncStatus }: { syncStatus?: SyncStatus }) {
  const { t } = useTranslation();
  const processes = useProcesses();
  return (
    <section>
      <div className="page-header">
        <PageHeading title={t('processes.title')}>{t('processes.title')}</PageHeading>
        <NewRecordLink to="/processes/new" label={t('processes.new')} />
      </div>
      {processes === undefined ? (
        <Loading />
      ) : processes.length === 0 ? (
        <EmptyList syncStatus={syncStatus} />
      ) : (
        <ul className="card-grid plain-list">
          {processes.map((process) => (
            <ProcessCard key={process.id} process={process} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EmptyList({ syncStatus }: { syncStatus: SyncStatus | undefined }) {
  const { t } = useTranslation();
  const empty = (
    <div className="empty">
      <p>{t('processes.empty')}</p>
      <p>{t('processes.emptyHint')}</p>
    </div>
  );
  return syncStatus ? <FirstDownloadNotice status={syncStatus}>{empty}</FirstDownloadNotice> : empty;
}
