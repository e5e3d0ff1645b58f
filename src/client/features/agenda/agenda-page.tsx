import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { createAgendaDraft, useAgendaProjectChoices, useAgendaVersions } from '../../data/use-agenda';
import { formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/page-heading';
import { SaveConfirmation } from '../../ui/save-notice';
import { Loading } from '../../ui/status-views';
import { ProcessSubpage } from '../../widgets/process-list-page';
import { AssembleForm } from './assemble-form';
import './agenda.css';
import './strings';
import type { FormPageProps } from '../../ui/record-page';

/**
 * `/processes/:processId/agenda`: the process's Agenda versions (number,
 * status, changelog, date) and "Armar la Agenda", which assembles a new draft
 * from what the device holds.
 */
export function AgendaPage({ onDirtyChange }: FormPageProps) {
  const { t, i18n } = useTranslation();
  const { processId = '' } = useParams();
  const versions = useAgendaVersions(processId);
  const choices = useAgendaProjectChoices(processId);
  if (versions === undefined || choices === undefined) return <Loading />;
  return (
    <ProcessSubpage processId={processId}>
      <PageHeading title={t('agenda.pageTitle')}>{t('agenda.title')}</PageHeading>
      <SaveConfirmation />
      <section aria-labelledby="agenda-versions-title" className="agenda-versions">
        <h2 id="agenda-versions-title">{t('agenda.versions.heading')}</h2>
        {versions.length === 0 ? <p className="empty">{t('agenda.versions.empty')}</p> : null}
        <ul className="plain-list stack">
          {versions.map((v) => (
            <li key={v.id}>
              <Link
                to={`/agenda/${v.id}`}
                className="card card-link"
                aria-label={`${t('agenda.versions.open', { number: v.number })}: ${t(`agenda.status.${v.status}`)}`}
              >
                <span className="card-title">{t('agenda.versions.number', { number: v.number })}</span>
                <span className={`agenda-status agenda-status-${v.status}`}>
                  {t(`agenda.status.${v.status}`)}
                </span>
                <span>{v.changelog}</span>
                <span>
                  {t('agenda.versions.assembledOn', {
                    date: formatDateTime(v.content.assembledAt, i18n.language),
                  })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="agenda-assemble-title" className="card" id="assemble">
        <h2 id="agenda-assemble-title">{t('agenda.assemble.heading')}</h2>
        <p>{t('agenda.assemble.intro')}</p>
        <AssembleForm
          headingId="agenda-assemble-title"
          choices={choices}
          defaultValues={{ changelog: '', projectIds: choices.map((c) => c.id) }}
          submitLabel={t('agenda.assemble.submit')}
          onDirtyChange={onDirtyChange}
          onAssemble={async (values) => {
            const id = await createAgendaDraft(processId, values);
            const number = Math.max(0, ...versions.map((v) => v.number)) + 1;
            return { to: `/agenda/${id}`, notice: { key: 'agenda.assemble.saved', values: { number } } };
          }}
        />
      </section>
    </ProcessSubpage>
  );
}
