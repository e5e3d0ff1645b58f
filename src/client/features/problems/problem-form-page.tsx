import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createProblem,
  updateProblem,
  useProblem,
  useProblems,
  type ProblemView,
} from '../../data/use-problems';
import { useProcess } from '../../data/use-processes';
import { useTourNotes } from '../../data/use-tour-notes';
import {
  FormPageRoutes,
  RecordPage,
  useEditRecordForm,
  useNewRecordForm,
  type FormPageProps,
  type RecordLinks,
} from '../../ui/record-page';
import { Loading } from '../../ui/status-views';
import { MergeSection } from './merge-section';
import { MergedProblemView } from './merged-problem-view';
import { ProblemForm } from './problem-form';
import {
  emptyProblemValues,
  formToProblem,
  problemToFormValues,
  type ProblemFormOutput,
  type ProblemFormValues,
} from './problem-form-values';
import './problems.css';
import './strings';

function listPath(processId: string) {
  return `/processes/${processId}/problems`;
}

/** `/processes/:processId/problems/new`. */
function NewProblem({ parentId: processId, onDirtyChange }: FormPageProps & { parentId: string }) {
  const { t } = useTranslation();
  const process = useProcess(processId);
  const notes = useTourNotes(processId);
  const form = useNewRecordForm<ProblemFormValues, ProblemFormOutput>({
    ns: 'problems',
    defaults: emptyProblemValues,
    cancelTo: listPath(processId),
    create: (values) => createProblem(formToProblem(processId, values)),
    onDirtyChange,
  });
  return (
    <RecordPage
      record={process}
      loading={notes === undefined}
      notFound={t('processes.notFound')}
      back={() => ({ to: listPath(processId), label: t('problems.listTitle') })}
      title={() => t('problems.newTitle')}
    >
      {() => <ProblemForm {...form} notes={notes ?? []} />}
    </RecordPage>
  );
}

/** `/problems/:id` of a problem that is not merged: the edit form and the merge. */
function EditProblem({
  problem,
  problems,
  onDirtyChange,
}: FormPageProps & { problem: ProblemView; problems: ProblemView[] }) {
  const notes = useTourNotes(problem.processId);
  const [dirty, setDirty] = useState(false);
  const reportDirty = useCallback(
    (next: boolean) => {
      setDirty(next);
      onDirtyChange?.(next);
    },
    [onDirtyChange],
  );
  const form = useEditRecordForm(problem, {
    ns: 'problems',
    toValues: problemToFormValues,
    toStored: (values: ProblemFormValues | ProblemFormOutput) => formToProblem(problem.processId, values),
    update: updateProblem,
    to: listPath(problem.processId),
    onDirtyChange: reportDirty,
  });
  if (notes === undefined) return <Loading />;
  return (
    <>
      <ProblemForm {...form} notes={notes} />
      <MergeSection
        problem={problem}
        problems={problems}
        blocked={dirty}
        onMerged={() => reportDirty(false)}
      />
    </>
  );
}

function ExistingProblem({
  id,
  onDirtyChange,
  links,
}: FormPageProps & { id: string; links?: RecordLinks<ProblemView> | undefined }) {
  const { t } = useTranslation();
  const problem = useProblem(id);
  const problems = useProblems(problem?.processId ?? '');
  return (
    <RecordPage
      record={problem}
      loading={problem !== null && problems === undefined}
      notFound={t('problems.notFound')}
      back={(p) => ({ to: listPath(p.processId), label: t('problems.listTitle') })}
      title={(p) => p.title}
    >
      {(p) => (
        <>
          {links?.(p)}
          {p.mergedIntoId ? (
            <MergedProblemView problem={p} survivor={problems?.find((o) => o.id === p.mergedIntoId)} />
          ) : (
            <EditProblem key={p.id} problem={p} problems={problems ?? []} onDirtyChange={onDirtyChange} />
          )}
        </>
      )}
    </RecordPage>
  );
}

/**
 * `/processes/:processId/problems/new` (a new problem) and `/problems/:id`
 * (edit it, or merge another into it; a merged problem opens read-only).
 * `links` are what other features hold for the problem, composed by the app.
 */
export function ProblemFormPage(props: FormPageProps & { links?: RecordLinks<ProblemView> }) {
  return (
    <FormPageRoutes parent="processId" existing={ExistingProblem} created={NewProblem} pageProps={props} />
  );
}
