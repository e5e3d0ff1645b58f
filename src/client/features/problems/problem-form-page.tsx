import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { changedFields } from '../../../domain';
import {
  createProblem,
  updateProblem,
  useProblem,
  useProblems,
  type ProblemView,
} from '../../data/use-problems';
import { useProcess } from '../../data/use-processes';
import { useTourNotes } from '../../data/use-tour-notes';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { MergeSection } from './merge-section';
import { MergedProblemView } from './merged-problem-view';
import { ProblemForm } from './problem-form';
import {
  emptyProblemValues,
  formToProblem,
  problemToFormValues,
  type ProblemFormValues,
} from './problem-form-values';
import './problems.css';
import './strings';
import { BackLink } from '../../ui/back-link';

export interface ProblemFormPageProps {
  onDirtyChange?: (dirty: boolean) => void;
}

/** What other features hold for a problem (the projects that answer it), composed by the app. */
export type ProblemLinks = (problem: ProblemView) => ReactNode;

function listPath(processId: string) {
  return `/processes/${processId}/problems`;
}

function Breadcrumb({ processId }: { processId: string }) {
  const { t } = useTranslation();
  return <BackLink to={listPath(processId)}>{t('problems.listTitle')}</BackLink>;
}

/** `/processes/:processId/problems/new`. */
function NewProblem({ processId, onDirtyChange }: ProblemFormPageProps & { processId: string }) {
  const { t } = useTranslation();
  const process = useProcess(processId);
  const notes = useTourNotes(processId);
  const [defaults] = useState<ProblemFormValues>(emptyProblemValues);
  if (process === undefined || notes === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('processes.notFound')} />;
  return (
    <section>
      <Breadcrumb processId={processId} />
      <PageHeading title={t('problems.newTitle')}>{t('problems.newTitle')}</PageHeading>
      <ProblemForm
        defaultValues={defaults}
        notes={notes}
        submitLabel={t('problems.save')}
        cancelTo={listPath(processId)}
        onDirtyChange={onDirtyChange}
        onSubmit={async (values) => {
          await createProblem(formToProblem(processId, values));
          return { to: listPath(processId), notice: { key: 'problems.saved.created' } };
        }}
      />
    </section>
  );
}

/** `/problems/:id` of a problem that is not merged: the edit form and the merge. */
function EditProblem({
  problem,
  problems,
  onDirtyChange,
}: ProblemFormPageProps & { problem: ProblemView; problems: ProblemView[] }) {
  const { t } = useTranslation();
  const notes = useTourNotes(problem.processId);
  // The values the form opened with: the edit is the difference from these, not from later synced versions.
  const [initial] = useState<ProblemFormValues>(() => problemToFormValues(problem));
  const [dirty, setDirty] = useState(false);
  const reportDirty = useCallback(
    (next: boolean) => {
      setDirty(next);
      onDirtyChange?.(next);
    },
    [onDirtyChange],
  );
  if (notes === undefined) return <Loading />;
  const back = listPath(problem.processId);
  return (
    <>
      <ProblemForm
        defaultValues={initial}
        notes={notes}
        submitLabel={t('problems.saveChanges')}
        cancelTo={back}
        onDirtyChange={reportDirty}
        onSubmit={async (values) => {
          const before = formToProblem(problem.processId, initial);
          const patch = changedFields(before, formToProblem(problem.processId, values));
          if (Object.keys(patch).length > 0) await updateProblem(problem.id, patch, { diffed: true });
          return { to: back, notice: { key: 'problems.saved.updated' } };
        }}
      />
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
}: ProblemFormPageProps & { id: string; links?: ProblemLinks | undefined }) {
  const { t } = useTranslation();
  const problem = useProblem(id);
  const problems = useProblems(problem?.processId ?? '');
  if (problem === undefined || (problem && problems === undefined)) return <Loading />;
  if (problem === null) return <NotFound message={t('problems.notFound')} />;
  const survivor = problem.mergedIntoId ? problems?.find((p) => p.id === problem.mergedIntoId) : undefined;
  return (
    <section>
      <Breadcrumb processId={problem.processId} />
      <PageHeading title={problem.title}>{problem.title}</PageHeading>
      {links?.(problem)}
      {problem.mergedIntoId ? (
        <MergedProblemView problem={problem} survivor={survivor} />
      ) : (
        <EditProblem
          key={problem.id}
          problem={problem}
          problems={problems ?? []}
          onDirtyChange={onDirtyChange}
        />
      )}
    </section>
  );
}

/**
 * `/processes/:processId/problems/new` (a new problem) and `/problems/:id`
 * (edit it, or merge another into it; a merged problem opens read-only).
 * `links` are what other features hold for the problem, composed by the app.
 */
export function ProblemFormPage({ onDirtyChange, links }: ProblemFormPageProps & { links?: ProblemLinks }) {
  const { id, processId = '' } = useParams();
  if (id) return <ExistingProblem key={id} id={id} onDirtyChange={onDirtyChange} links={links} />;
  return <NewProblem key={processId} processId={processId} onDirtyChange={onDirtyChange} />;
}
