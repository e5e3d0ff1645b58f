import { useProjects } from '../../data/use-projects';
import { CountedRecordsSummary } from '../../ui/records-summary';
import './strings';

/** "Proyectos y acciones" on the process page: how many, and the way to the outline and the form. */
export function ProcessProjectsSummary({ processId }: { processId: string }) {
  const projects = useProjects(processId);
  return <CountedRecordsSummary kind="projects" processId={processId} count={projects?.length} />;
}
