/**
 * `/government-areas/:id`: what one area of the borough holds across the
 * processes on this device — the projects that name it and the commitments it
 * took on (party "área de gobierno"), overdue first, counted in Mexico City
 * time. Read from the device, so it works offline.
 */
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { daysUntil, localDate } from '../../../domain';
import { useAreaFollowUp } from '../../data/use-follow-up';
import { useGovernmentArea } from '../../data/use-government-areas';
import { formatDate } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { PageSection, TitleLinks } from '../../ui/page-section';
import { RecordPage } from '../../ui/record-page';
import './strings';

/** What the area holds: its overdue count, its commitments (overdue first) and the projects naming it. */
function AreaHeld({ held }: { held: NonNullable<ReturnType<typeof useAreaFollowUp>> }) {
  const { t, i18n } = useTranslation();
  const today = localDate(new Date());
  return (
    <>
      <p>{t('governmentAreas.overdue', { count: held.overdue })}</p>
      <PageSection
        id="area-commitments"
        title={t('governmentAreas.commitments', { count: held.commitments.length })}
      >
        <ItemList
          items={held.commitments}
          noneClassName="field-hint"
          none={t('governmentAreas.noCommitments')}
        >
          {(c) => {
            const date = c.dueDate ? formatDate(c.dueDate, i18n.language) : '';
            const late = c.state === 'overdue' && c.dueDate ? -daysUntil(c.dueDate, today) : 0;
            return (
              <li key={c.key} className="card">
                <h3>{c.what}</h3>
                <p>
                  {c.state === 'overdue' ? (
                    <strong>{t('governmentAreas.late', { count: late, date })}</strong>
                  ) : c.state === 'done' ? (
                    t('governmentAreas.done', {
                      date: c.doneAt ? formatDate(c.doneAt, i18n.language) : date,
                    })
                  ) : (
                    t('governmentAreas.dueOn', { date })
                  )}
                </p>
                <p className="field-hint">
                  <Link to={`/projects/${c.recordId}`} className="link-target">
                    {c.recordTitle}
                  </Link>
                </p>
              </li>
            );
          }}
        </ItemList>
      </PageSection>
      <PageSection id="area-projects" title={t('governmentAreas.projects', { count: held.projects.length })}>
        <TitleLinks
          records={held.projects}
          to={(id) => `/projects/${id}`}
          empty={t('governmentAreas.noProjects')}
          className="plain-list project-links"
        />
      </PageSection>
    </>
  );
}

export function GovernmentAreaPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const area = useGovernmentArea(id);
  const held = useAreaFollowUp(id);
  return (
    <RecordPage
      record={area}
      loading={held === undefined}
      notFound={t('governmentAreas.notFound')}
      back={() => ({ to: '/government-areas', label: t('governmentAreas.title') })}
      title={(a) => a.name}
    >
      {() => held && <AreaHeld held={held} />}
    </RecordPage>
  );
}
