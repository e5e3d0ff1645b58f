/**
 * `/projects/:id`: the project page (features/projects) with its follow-up
 * (features/follow-up: status, progress, "Registrar avance", the timeline).
 */
import { useParams } from 'react-router';
import { ProjectFollowUp } from '../../features/follow-up/project-follow-up';
import { ProjectPage } from '../../features/projects/project-page';

export function ProjectScreen() {
  const { id = '' } = useParams();
  return <ProjectPage sections={<ProjectFollowUp projectId={id} />} />;
}
