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
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import './strings';

export function GovernmentAreaPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const area = useGovernmentArea(id);
  const held = useAreaFollowUp(id);
  if (area === undefined || held === undefined) return <Loading />;
  if (area === null) return <NotFound message={t('governmentAreas.notFound')} />;
  const today = localDate(new Date());
  return (
    <section>
      <p className="breadcrumb">
        <Link to="/government-areas" className="link-target">
          ← {t('governmentAreas.title')}
        </Link>
      </p>
      <PageHeading title={area.name}>{area.name}</PageHeading>
      <p>{t('governmentAreas.overdue', { count: held.overdue })}</p>
      <section className="page-section" aria-labelledby="area-commitments">
        <h2 id="area-commitments">{t('governmentAreas.commitments', { count: held.commitments.length })}</h2>
        {held.commitments.length === 0 ? (
          <p className="field-hint">{t('governmentAreas.noCommitments')}</p>
        ) : (
          <ul className="plain-list stack">
            {held.commitments.map((c) => {
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
            })}
          </ul>
        )}
      </section>
      <section className="page-section" aria-labelledby="area-projects">
        <h2 id="area-projects">{t('governmentAreas.projects', { count: held.projects.length })}</h2>
        {held.projects.length === 0 ? (
          <p className="field-hint">{t('governmentAreas.noProjects')}</p>
        ) : (
          <ul className="plain-list project-links">
            {held.projects.map((p) => (
              <li key={p.id}>
                <Link to={`/projects/${p.id}`} className="link-target">
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
