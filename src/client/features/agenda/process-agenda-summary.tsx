import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentAgendaVersion } from '../../../domain';
import { useAgendaVersions } from '../../data/use-agenda';
import './strings';

/** On the process page: where the Local Agenda stands, and the way to it. */
export function ProcessAgendaSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const versions = useAgendaVersions(processId);
  if (!versions) return null;
  const current = currentAgendaVersion(versions);
  const latest = versions[0];
  return (
    <section className="card" aria-labelledby="process-agenda-title">
      <h2 id="process-agenda-title">{t('agenda.summary.title')}</h2>
      {versions.length === 0 ? <p className="empty">{t('agenda.summary.none')}</p> : null}
      {current ? <p>{t('agenda.summary.current', { number: current.number })}</p> : null}
      {latest && latest.status === 'draft' ? (
        <p>{t('agenda.summary.latestDraft', { number: latest.number })}</p>
      ) : null}
      <Link className="button" to={`/processes/${processId}/agenda`}>
        {t('agenda.summary.open')}
      </Link>
    </section>
  );
}
