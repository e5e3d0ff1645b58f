import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useProcess } from '../../data/use-processes';
import { useProjects } from '../../data/use-projects';
import { useSessions } from '../../data/use-sessions';
import { useProblemChoices } from '../../data/use-traceability';
import { createVision, deleteVision, updateVision, useVision, type VisionView } from '../../data/use-vision';
import {
  FormPageRoutes,
  RecordPage,
  useEditRecordForm,
  useKeptRecord,
  useNewRecordForm,
  type FormPageProps,
} from '../../ui/record-page';
import { PageSection, TitleLinks } from '../../ui/page-section';
import { Loading } from '../../ui/status-views';
import { VisionForm } from './vision-form';
import {
  emptyVisionValues,
  formToVision,
  visionToFormValues,
  type VisionFormOutput,
  type VisionFormValues,
} from './vision-form-values';
import './strings';

export const visionListPath = (processId: string) => `/processes/${processId}/vision`;

/** `/processes/:processId/vision/new?sessionId=…`: the session comes chosen when opened from one. */
function NewVision({ parentId: processId, onDirtyChange }: FormPageProps & { parentId: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const process = useProcess(processId);
  const sessions = useSessions(processId);
  const problems = useProblemChoices(processId);
  const sessionId = params.get('sessionId') ?? '';
  const form = useNewRecordForm<VisionFormValues, VisionFormOutput>({
    ns: 'vision',
    defaults: () => emptyVisionValues(sessionId),
    cancelTo: sessionId ? `/sessions/${sessionId}` : visionListPath(processId),
    create: (values) => createVision(formToVision(processId, values)),
    to: () => visionListPath(processId),
    onDirtyChange,
  });
  return (
    <RecordPage
      record={process}
      loading={sessions === undefined || problems === undefined}
      notFound={t('processes.notFound')}
      back={() => ({ to: visionListPath(processId), label: t('vision.title') })}
      title={() => t('vision.newTitle')}
    >
      {() => <VisionForm {...form} sessions={sessions ?? []} problems={problems ?? []} />}
    </RecordPage>
  );
}

/** The projects that serve the statement: the other direction of the project's links. */
function ServedBy({ vision }: { vision: VisionView }) {
  const { t } = useTranslation();
  const projects = useProjects(vision.processId);
  const serving = (projects ?? []).filter((p) => p.visionIds.includes(vision.id));
  return (
    <PageSection id="vision-served-by" title={t('vision.servedBy')}>
      <TitleLinks records={serving} to={(id) => `/projects/${id}`} empty={t('vision.servedByNone')} />
    </PageSection>
  );
}

function EditVision({ vision, onDirtyChange }: FormPageProps & { vision: VisionView }) {
  const { t } = useTranslation();
  const sessions = useSessions(vision.processId);
  const problems = useProblemChoices(vision.processId);
  const back = visionListPath(vision.processId);
  const form = useEditRecordForm(vision, {
    ns: 'vision',
    toValues: visionToFormValues,
    toStored: (values: VisionFormValues | VisionFormOutput) => formToVision(vision.processId, values),
    update: updateVision,
    to: back,
    remove: {
      question: <p>{t('vision.deleteQuestion', { text: vision.text })}</p>,
      remove: () => deleteVision(vision.id),
      replace: true,
    },
    onDirtyChange,
  });
  if (sessions === undefined || problems === undefined) return <Loading />;
  return (
    <>
      <ServedBy vision={vision} />
      <VisionForm {...form} sessions={sessions} problems={problems} />
    </>
  );
}

function ExistingVision({ id, onDirtyChange }: FormPageProps & { id: string }) {
  const { t } = useTranslation();
  const vision = useKeptRecord(useVision(id));
  return (
    <RecordPage
      record={vision}
      notFound={t('vision.notFound')}
      back={(v) => ({ to: visionListPath(v.processId), label: t('vision.title') })}
      title={() => t('vision.editTitle')}
    >
      {(v) => <EditVision key={v.id} vision={v} onDirtyChange={onDirtyChange} />}
    </RecordPage>
  );
}

/**
 * `/processes/:processId/vision/new` (a new statement, its session chosen or
 * given by `?sessionId=`) and `/vision/:id` (edit it, see the projects that
 * serve it, or delete it). Everything is read from and written to the device.
 */
export function VisionFormPage(props: FormPageProps) {
  return (
    <FormPageRoutes parent="processId" existing={ExistingVision} created={NewVision} pageProps={props} />
  );
}
