import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { parentProblems } from '../../../domain';
import { useGovernmentAreas, type GovernmentAreaView } from '../../data/use-government-areas';
import { useProcess } from '../../data/use-processes';
import {
  createProject,
  deleteProject,
  updateProject,
  useProject,
  useProjects,
  type ProjectView,
} from '../../data/use-projects';
import { useProblemChoices } from '../../data/use-traceability';
import { useVisions } from '../../data/use-vision';
import {
  FormPageRoutes,
  RecordPage,
  useEditRecordForm,
  useKeptRecord,
  useNewRecordForm,
  type FormPageProps,
} from '../../ui/record-page';
import { Loading } from '../../ui/status-views';
import { ProjectForm } from './project-form';
import {
  emptyProjectValues,
  formToProject,
  projectToFormValues,
  type ProjectFormOutput,
  type ProjectFormValues,
} from './project-form-values';
import './strings';

export const projectsPath = (processId: string) => `/processes/${processId}/projects`;

/** Active areas, and the inactive ones the project already names (they keep their meaning). */
function offeredAreas(all: GovernmentAreaView[], named: readonly string[]): GovernmentAreaView[] {
  return all.filter((a) => a.active || named.includes(a.id));
}

/** The projects `id` may be part of: projects of the process that would not make a loop. */
function parentChoices(projects: ProjectView[], self: { id: string; processId: string }): ProjectView[] {
  return projects.filter((p) => p.kind === 'project' && parentProblems(self, p.id, projects).length === 0);
}

/** Everything the form offers, read from the device; undefined while loading. */
function useChoices(processId: string) {
  const problems = useProblemChoices(processId);
  const visions = useVisions(processId);
  const areas = useGovernmentAreas();
  const projects = useProjects(processId);
  if (!problems || !visions || !areas || !projects) return undefined;
  return { problems, visions, areas, projects };
}

function NewProject({ parentId: processId, onDirtyChange }: FormPageProps & { parentId: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const process = useProcess(processId);
  const choices = useChoices(processId);
  const form = useNewRecordForm<ProjectFormValues, ProjectFormOutput>({
    ns: 'projects',
    defaults: () => emptyProjectValues(params.get('parentId') ?? ''),
    cancelTo: projectsPath(processId),
    create: (values) => createProject(formToProject(processId, values)),
    to: (id) => `/projects/${id}`,
    onDirtyChange,
  });
  return (
    <RecordPage
      record={process}
      loading={choices === undefined}
      notFound={t('processes.notFound')}
      back={() => ({ to: projectsPath(processId), label: t('projects.title') })}
      title={() => t('projects.newTitle')}
    >
      {() =>
        choices && (
          <ProjectForm
            {...form}
            problems={choices.problems}
            visions={choices.visions}
            areas={offeredAreas(choices.areas, [])}
            parents={parentChoices(choices.projects, { id: '', processId })}
          />
        )
      }
    </RecordPage>
  );
}

function EditProject({ project, onDirtyChange }: FormPageProps & { project: ProjectView }) {
  const { t } = useTranslation();
  const choices = useChoices(project.processId);
  const form = useEditRecordForm(project, {
    ns: 'projects',
    toValues: projectToFormValues,
    toStored: (values: ProjectFormValues | ProjectFormOutput) => formToProject(project.processId, values),
    update: updateProject,
    to: `/projects/${project.id}`,
    remove: {
      question: <p>{t('projects.deleteQuestion', { title: project.title })}</p>,
      remove: () => deleteProject(project.id),
      to: projectsPath(project.processId),
      replace: true,
    },
    onDirtyChange,
  });
  if (choices === undefined) return <Loading />;
  return (
    <ProjectForm
      {...form}
      problems={choices.problems}
      visions={choices.visions}
      areas={offeredAreas(choices.areas, project.governmentAreaIds)}
      parents={parentChoices(choices.projects, project)}
    />
  );
}

function ExistingProject({ id, onDirtyChange }: FormPageProps & { id: string }) {
  const { t } = useTranslation();
  const project = useKeptRecord(useProject(id));
  return (
    <RecordPage
      record={project}
      notFound={t('projects.notFound')}
      back={(p) => ({ to: `/projects/${p.id}`, label: p.title })}
      title={(p) => t('projects.editTitle', { title: p.title })}
    >
      {(p) => <EditProject key={p.id} project={p} onDirtyChange={onDirtyChange} />}
    </RecordPage>
  );
}

/**
 * `/processes/:processId/projects/new` (a new project; `?parentId=` makes it
 * an action of that project) and `/projects/:id/edit`. Everything is read
 * from and written to the device; nothing waits for the network.
 */
export function ProjectFormPage(props: FormPageProps) {
  return (
    <FormPageRoutes parent="processId" existing={ExistingProject} created={NewProject} pageProps={props} />
  );
}
