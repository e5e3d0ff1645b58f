import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { projectOutline, type OutlineEntry } from '../../../domain';
import { moveProject, useProjects, type ProjectView } from '../../data/use-projects';
import { FormAlert } from '../../ui/form-alert';
import { ItemAction } from '../../ui/item-action';
import { ProcessListPage } from '../../widgets/process-list-page';
import { Loading } from '../../ui/status-views';
import { errorReason } from '../../ui/use-entity-form';
import './projects.css';
import './strings';

type Entry = OutlineEntry<ProjectView>;

function OutlineRow({
  entry,
  first,
  last,
  onMove,
}: {
  entry: Entry;
  first: boolean;
  last: boolean;
  onMove(step: -1 | 1): void;
}) {
  const { t } = useTranslation();
  const { project, outline, depth } = entry;
  const names = { outline, title: project.title };
  return (
    <li className="card project-row" style={{ marginInlineStart: `${depth * 1.5}rem` }}>
      <Link to={`/projects/${project.id}`} className="project-row-link">
        <span className="project-outline">{outline}</span> <strong>{project.title}</strong>
        <span className="field-hint">
          {' '}
          · {t(`projects.kinds.${project.kind}`)} · {t(`vocabulary.themes.${project.theme}`)} ·{' '}
          {t(`projects.terms.${project.term}`)}
        </span>
      </Link>
      <span className="project-move">
        <ItemAction
          label={`↑ ${t('projects.moveUp')}`}
          itemLabel={t('projects.moveUpLabel', names)}
          disabled={first}
          onClick={() => onMove(-1)}
        />
        <ItemAction
          label={`↓ ${t('projects.moveDown')}`}
          itemLabel={t('projects.moveDownLabel', names)}
          disabled={last}
          onClick={() => onMove(1)}
        />
      </span>
    </li>
  );
}

/**
 * `/processes/:processId/projects`: the process's projects and their actions
 * as the community ordered them ("2", "2.1"…), each movable up and down among
 * its siblings. Read from and written to the device.
 */
export function ProjectsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const projects = useProjects(processId);
  const [failure, setFailure] = useState<string | null>(null);
  if (projects === undefined) return <Loading />;
  const outline = projectOutline(projects);
  const siblingsOf = (e: Entry) => outline.filter((o) => o.parentId === e.parentId);

  const move = (entry: Entry, step: -1 | 1) => {
    setFailure(null);
    moveProject(entry.project.id, step).catch((error: unknown) =>
      setFailure(t('projects.moveFailed', { reason: errorReason(error) })),
    );
  };

  return (
    <ProcessListPage
      processId={processId}
      kind="projects"
      title={t('projects.title')}
      count={projects.length}
    >
      {projects.length === 0 ? null : (
        <>
          <p className="field-hint">{t('projects.orderHint')}</p>
          <ol className="plain-list stack project-outline-list">
            {outline.map((entry) => {
              const siblings = siblingsOf(entry);
              return (
                <OutlineRow
                  key={entry.project.id}
                  entry={entry}
                  first={siblings[0] === entry}
                  last={siblings[siblings.length - 1] === entry}
                  onMove={(step) => move(entry, step)}
                />
              );
            })}
          </ol>
        </>
      )}
      <FormAlert>{failure}</FormAlert>
    </ProcessListPage>
  );
}
