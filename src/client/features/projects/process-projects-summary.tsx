import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProjects } from '../../data/use-projects';
import './strings';

/** "Proyectos y acciones" on the process page: how many, and the way to the outline and the form. */
export function ProcessProjectsSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const projects = useProjects(processId);
  if (!projects) return null;
  return (
    <section aria-labelledby="projects-summary-title" className="page-section">
      <h2 id="projects-summary-title">{t('projects.summaryTitle')}</h2>
      <p className={projects.length === 0 ? 'field-hint' : undefined}>
        {projects.length === 0 ? t('projects.summaryEmpty') : t('projects.count', { count: projects.length })}
      </p>
      <div className="actions">
        <Link to={`/processes/${processId}/projects`} className="button">
          {t('projects.viewAll')}
        </Link>
        <Link to={`/processes/${processId}/projects/new`} className="button">
          {t('projects.new')}
        </Link>
      </div>
    </section>
  );
}
