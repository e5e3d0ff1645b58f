import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PROCESS_STAGES, attendanceTotal } from '../../../domain';
import { useProcess, type ProcessView } from '../../data/use-processes';
import { useSessions, type SessionView } from '../../data/use-sessions';
import { useUnitsByKeys } from '../../data/use-territory';
import { formatDate, formatNumber } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { SaveConfirmation } from '../../ui/save-notice';
import { Loading, NotFound } from '../../ui/status-views';
import { stageNumber } from './processes-page';
import { CollectiveSection } from './collective-section';
import { OpenAgreements } from './open-agreements';
import { StageChanger } from './stage-changer';
import { StageStepper } from './stage-stepper';
import { TeamSection } from './team-section';
import './process-page.css';
import './strings';
import { BackLink } from '../../ui/back-link';
import { NewRecordLink } from '../../ui/new-record-link';

/** Unit keys with their names when this device holds the territory. */
function UnitList({ keys }: { keys: string[] }) {
  const units = useUnitsByKeys(keys);
  const names = new Map((units ?? []).map((u) => [u.key, u.name]));
  return <>{keys.map((key) => (names.has(key) ? `${key} ${names.get(key)}` : key)).join(', ')}</>;
}

/** Each recorded transition with its day, its evidence (by session title) and its note. */
function StageHistory({ process, sessions }: { process: ProcessView; sessions: SessionView[] }) {
  const { t, i18n } = useTranslation();
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  const history = process.stageHistory ?? [];
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="stage-history-title" className="stage-history-section">
      <h3 id="stage-history-title">{t('processStages.history')}</h3>
      <ol className="plain-list stage-history">
        {[...history].reverse().map((entry, index) => (
          <li key={`${entry.stage}-${entry.reachedAt}-${index}`}>
            <strong>
              {t('processes.stageOf', { number: stageNumber(entry.stage), total: PROCESS_STAGES.length })}{' '}
              {t(`vocabulary.stages.${entry.stage}`)}
            </strong>{' '}
            · <time dateTime={entry.reachedAt}>{formatDate(entry.reachedAt, i18n.language)}</time>
            {entry.recordedLater ? ` · ${t('processStages.recordedLater')}` : null}
            {entry.sessionIds.length > 0 ? (
              <p>
                {t('processStages.evidence')}:{' '}
                {entry.sessionIds.map((id) => titles.get(id) ?? t('processStages.unknownSession')).join(', ')}
              </p>
            ) : null}
            {entry.note ? <p className="prewrap">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SessionCard({ session }: { session: SessionView }) {
  const { t, i18n } = useTranslation();
  const total = attendanceTotal(session.attendance);
  return (
    <li>
      <Link to={`/sessions/${session.id}`} className="card card-link">
        <p className="card-kicker">{t(`vocabulary.sessionTypes.${session.type}`)}</p>
        <h3 className="card-title">{session.title}</h3>
        <p>
          <time dateTime={session.date}>{formatDate(session.date, i18n.language)}</time> · {session.place}
        </p>
        <p>
          {t('processes.sessionList.attendanceCount', {
            count: total,
            formatted: formatNumber(total, i18n.language),
          })}
        </p>
      </Link>
    </li>
  );
}

/**
 * `/processes/:id`, facilitator first: where the process stands in one line,
 * then its sessions (newest first) with "Nueva sesión" — what a facilitator
 * opens every time — then the ten stages, where changing stage is a
 * deliberate, confirmed step, and the team, Planning Collective, open
 * agreements and the rest. `sections` are the other features' summaries of
 * the process (self-diagnosis, rubrics, tour exports), composed by the app's process screen.
 */
export function ProcessPage({ sections }: { sections?: ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const process = useProcess(id);
  const sessions = useSessions(id);
  if (process === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('processes.notFound')} />;
  return (
    <section>
      <BackLink to="/">{t('processes.title')}</BackLink>
      <PageHeading title={process.name}>{process.name}</PageHeading>
      <SaveConfirmation />
      <div className="process-summary">
        <p role="status">
          <span className="stage-badge">
            {t('processes.stageOf', { number: stageNumber(process.stage), total: PROCESS_STAGES.length })}
          </span>{' '}
          <strong>{t(`vocabulary.stages.${process.stage}`)}</strong>
        </p>
        <p>
          <span className="muted-label">{t('processes.units')}:</span> <UnitList keys={process.unitKeys} />
        </p>
        {process.description ? <p className="prewrap">{process.description}</p> : null}
      </div>

      <section aria-labelledby="sessions-title" className="page-section">
        <div className="page-header">
          <h2 id="sessions-title">
            {t('processes.sessionList.listTitle')}
            {sessions && sessions.length > 0 ? ` (${sessions.length})` : ''}
          </h2>
          <NewRecordLink to={`/processes/${id}/sessions/new`} label={t('processes.sessionList.new')} />
        </div>
        {sessions === undefined ? (
          <Loading />
        ) : sessions.length === 0 ? (
          <p className="empty">{t('processes.sessionList.empty')}</p>
        ) : (
          <ul className="card-grid plain-list">
            {sessions.map((session) => (
              <SessionCard key={session.id} session={session} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="stages-title" className="card page-section process-stages">
        <h2 id="stages-title">{t('processStages.title')}</h2>
        <StageStepper stage={process.stage} history={process.stageHistory} processId={id} />
        <StageChanger key={process.stage} process={process} sessions={sessions ?? []} />
        <StageHistory process={process} sessions={sessions ?? []} />
      </section>
      <div className="card-grid">
        <TeamSection process={process} />
        <CollectiveSection process={process} />
      </div>
      <OpenAgreements processId={id} />
      {sections}
    </section>
  );
}
