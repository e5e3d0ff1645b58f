import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectRecord } from '../../../domain';
import { useNoteTrace, useProblemProjects } from '../../data/use-traceability';
import { ItemList } from '../../ui/item-list';
import { PageSection } from '../../ui/page-section';
import './projects.css';
import './strings';

/** Links to `projects`, each named by its title and kind, or the hint `none` when there are none. */
function ProjectLinks({ projects, none }: { projects: ProjectRecord[]; none: string }) {
  const { t } = useTranslation();
  return (
    <ItemList items={projects} none={none} noneClassName="field-hint" className="plain-list project-links">
      {(p) => (
        <li key={p.id}>
          <Link to={`/projects/${p.id}`}>
            {p.title} · {t(`projects.kinds.${p.kind}`)}
          </Link>
        </li>
      )}
    </ItemList>
  );
}

/** On a problem's page: the projects and actions that answer it (merged problems followed). */
export function ProblemProjects({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const projects = useProblemProjects(problemId);
  if (projects === undefined) return null;
  return (
    <PageSection id="problem-projects-title" title={t('projects.answering.title')} className="card">
      <ProjectLinks projects={projects} none={t('projects.answering.none')} />
    </PageSection>
  );
}

/** On a tour note's page: the problems it evidences and the projects that answer them. */
export function NoteProjects({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const trace = useNoteTrace(noteId);
  if (!trace || trace.problems.length === 0) return null;
  return (
    <PageSection id="note-projects-title" title={t('projects.answering.fromNote')} className="card">
      <p>{t('projects.answering.problems', { titles: trace.problems.map((p) => p.title).join(', ') })}</p>
      <ProjectLinks projects={trace.projects} none={t('projects.answering.noneFromNote')} />
    </PageSection>
  );
}
