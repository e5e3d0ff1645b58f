import { useTranslation } from 'react-i18next';
import { useProjects } from '../../data/use-projects';
import { RecordsCount, RecordsSummary } from '../../ui/records-summary';
import './strings';

/** "Proyectos y acciones" on the process page: how many, and the way to the outline and the form. */
export function ProcessProjectsSummary({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const projects = useProjects(processId);
  if (!projects) return null;
  return (
    <RecordsSummary
      id="projects-summary-title"
      title={t('projects.summaryTitle')}
      listTo={`/processes/${processId}/projects`}
      viewAllLabel={t('projects.viewAll')}
      newLabel={t('projects.new')}
    >
      <RecordsCount
        count={projects.length}
        empty={t('projects.summaryEmpty')}
        counted={t('projects.count', { count: projects.length })}
      />
    </RecordsSummary>
  );
}
