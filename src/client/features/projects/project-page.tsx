import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useGovernmentAreas, type GovernmentAreaView } from '../../data/use-government-areas';
import { useProject, useProjectChildren, useProjects, type ProjectView } from '../../data/use-projects';
import { useProjectTrace } from '../../data/use-traceability';
import { formatDate } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { PageSection } from '../../ui/page-section';
import { SaveConfirmation } from '../../ui/save-notice';
import { Loading } from '../../ui/status-views';
import { RecordPage } from '../../ui/record-page';
import { projectsPath } from './project-form-page';
import { ProjectTraceSection } from './project-trace';
import './projects.css';
import './strings';

function LinkList({ title, id, children }: { title: string; id: string; children: ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <PageSection id={id} title={title}>
      <ItemList
        items={children}
        none={t('projects.page.none')}
        noneClassName="field-hint"
        className="plain-list project-links"
      >
        {(link) => link}
      </ItemList>
    </PageSection>
  );
}

function Details({ project, areas }: { project: ProjectView; areas: GovernmentAreaView[] }) {
  const { t, i18n } = useTranslation();
  const areaName = (id: string) => areas.find((a) => a.id === id)?.name ?? t('projects.page.unknownArea');
  const who = (c: ProjectView['commitments'][number]) =>
    c.who.kind === 'government_area'
      ? areaName(c.who.governmentAreaId ?? '')
      : c.who.kind === 'resident_group'
        ? (c.who.name ?? t('projects.parties.resident_group'))
        : t('projects.parties.collective');
  return (
    <PageSection id="project-details" title={t('projects.page.details')}>
      <p>
        {t(`projects.kinds.${project.kind}`)} · {t(`vocabulary.themes.${project.theme}`)} ·{' '}
        {t(`projects.modes.${project.managementMode}`)} · {t(`projects.terms.${project.term}`)}
      </p>
      {project.description ? <p>{project.description}</p> : null}
      <dl>
        {project.governmentAreaIds.length > 0 ? (
          <>
            <dt>{t('projects.page.areas')}</dt>
            <dd>{project.governmentAreaIds.map(areaName).join(', ')}</dd>
          </>
        ) : null}
        {project.costNote ? (
          <>
            <dt>{t('projects.fields.costNote')}</dt>
            <dd>{project.costNote}</dd>
          </>
        ) : null}
        {project.where ? (
          <>
            <dt>{t('projects.page.where')}</dt>
            <dd>
              {project.where.unitKeys?.length
                ? t('projects.page.units', { units: project.where.unitKeys.join(', ') })
                : null}
              {project.where.point
                ? ` ${t('projects.page.point', { lat: project.where.point.lat, lon: project.where.point.lon })}`
                : null}
            </dd>
          </>
        ) : null}
      </dl>
      <h3>{t('projects.page.commitments')}</h3>
      {project.commitments.length === 0 ? (
        <p className="field-hint">{t('projects.commitments.none')}</p>
      ) : (
        <ul className="plain-list stack">
          {project.commitments.map((c) => (
            <li key={c.id}>
              {t('projects.page.commitment', {
                who: who(c),
                what: c.what,
                date: formatDate(c.dueDate, i18n.language),
              })}
              {c.done ? ` (${t('projects.page.doneMark')})` : null}
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}

function ProjectBody({ project, sections }: { project: ProjectView; sections?: ReactNode }) {
  const { t } = useTranslation();
  const projects = useProjects(project.processId);
  const children = useProjectChildren(project.id);
  const trace = useProjectTrace(project.id);
  const areas = useGovernmentAreas();
  if (!projects || !children || !areas || trace === undefined) return <Loading />;
  const parent = projects.find((p) => p.id === project.parentId);
  return (
    <>
      <div className="actions">
        <Link to={`/projects/${project.id}/edit`} className="button button-primary">
          {t('projects.edit')}
        </Link>
        {project.kind === 'project' ? (
          <Link
            to={`/processes/${project.processId}/projects/new?parentId=${encodeURIComponent(project.id)}`}
            className="button"
          >
            {t('projects.newAction')}
          </Link>
        ) : null}
      </div>
      <Details project={project} areas={areas} />
      {sections}
      {parent ? (
        <LinkList title={t('projects.page.parent')} id="project-parent">
          {[
            <li key={parent.id}>
              <Link to={`/projects/${parent.id}`}>{parent.title}</Link>
            </li>,
          ]}
        </LinkList>
      ) : null}
      {project.kind === 'project' || children.length > 0 ? (
        <LinkList title={t('projects.page.children')} id="project-children">
          {children.map((c) => (
            <li key={c.id}>
              <Link to={`/projects/${c.id}`}>{c.title}</Link>
            </li>
          ))}
        </LinkList>
      ) : null}
      <LinkList title={t('projects.page.visions')} id="project-visions">
        {(trace?.visions ?? []).map((v) => (
          <li key={v.id}>
            <Link to={`/vision/${v.id}`}>{v.text}</Link>
          </li>
        ))}
      </LinkList>
      {trace ? <ProjectTraceSection trace={trace} /> : null}
    </>
  );
}

/**
 * `/projects/:id`: a project or action with everything it links to, both
 * ways (its problems and vision, its parent and actions), and where it comes
 * from (the problems' tour notes, photos and votes). Read from the device.
 * `sections` are what other features hold for the project (its follow-up),
 * composed by app/screens/project-screen.tsx.
 */
export function ProjectPage({ sections }: { sections?: ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  return (
    <RecordPage
      record={useProject(id)}
      notFound={t('projects.notFound')}
      back={(project) => ({ to: projectsPath(project.processId), label: t('projects.title') })}
      title={(project) => project.title}
    >
      {(project) => (
        <>
          <SaveConfirmation />
          <ProjectBody key={project.id} project={project} sections={sections} />
        </>
      )}
    </RecordPage>
  );
}
