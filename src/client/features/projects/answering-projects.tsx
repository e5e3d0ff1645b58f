import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectRecord } from '../../../domain';
import { useNoteTrace, useProblemProjects } from '../../data/use-traceability';
import './projects.css';
import './strings';

function ProjectLinks({ projects }: { projects: ProjectRecord[] }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list project-links">
      {projects.map((p) => (
        <li key={p.id}>
          <Link to={`/projects/${p.id}`}>
            {p.title} · {t(`projects.kinds.${p.kind}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** On a problem's page: the projects and actions that answer it (merged problems followed). */
export function ProblemProjects({ problemId }: { problemId: string }) {
  const { t } = useTranslation();
  const projects = useProblemProjects(problemId);
  if (projects === undefined) return null;
  return (
    <section className="card" aria-labelledby="problem-projects-title">
      <h2 id="problem-projects-title">{t('projects.answering.title')}</h2>
      {projects.length === 0 ? (
        <p className="field-hint">{t('projects.answering.none')}</p>
      ) : (
        <ProjectLinks projects={projects} />
      )}
    </section>
  );
}

/** On a tour note's page: the problems it evidences and the projects that answer them. */
export function NoteProjects({ noteId }: { noteId: string }) {
  const { t } = useTranslation();
  const trace = useNoteTrace(noteId);
  if (!trace || trace.problems.length === 0) return null;
  return (
    <section className="card" aria-labelledby="note-projects-title">
      <h2 id="note-projects-title">{t('projects.answering.fromNote')}</h2>
      <p>{t('projects.answering.problems', { titles: trace.problems.map((p) => p.title).join(', ') })}</p>
      {trace.projects.length === 0 ? (
        <p className="field-hint">{t('projects.answering.noneFromNote')}</p>
      ) : (
        <ProjectLinks projects={trace.projects} />
      )}
    </section>
  );
}
