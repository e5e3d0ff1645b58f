import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProblems, type ProblemView } from '../../data/use-problems';
import { ProcessListPage } from '../../widgets/process-list-page';
import { Loading } from '../../ui/status-views';
import { ThemeSections } from '../../ui/vocabulary/theme-sections';
import './problems.css';
import './strings';

function ProblemCard({ problem }: { problem: ProblemView }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/problems/${problem.id}`} className="card card-link">
        <h3 className="card-title">{problem.title}</h3>
        <p>
          {t('problems.causesCount', { count: problem.causes?.length ?? 0 })} ·{' '}
          {t('problems.effectsCount', { count: problem.effects?.length ?? 0 })} ·{' '}
          {t('problems.evidenceCount', { count: problem.noteIds?.length ?? 0 })}
        </p>
      </Link>
    </li>
  );
}

function MergedProblems({ merged, all }: { merged: ProblemView[]; all: ProblemView[] }) {
  const { t } = useTranslation();
  const titles = new Map(all.map((p) => [p.id, p.title]));
  if (merged.length === 0) return null;
  return (
    <section aria-labelledby="problems-merged-title">
      <h2 id="problems-merged-title">{t('problems.mergedTitle')}</h2>
      <ul className="plain-list stack">
        {merged.map((problem) => (
          <li key={problem.id}>
            <Link to={`/problems/${problem.id}`}>{problem.title}</Link> —{' '}
            {t('problems.mergedInto', {
              title: titles.get(problem.mergedIntoId ?? '') ?? t('problems.unknownProblem'),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `/processes/:processId/problems`: the self-diagnosis of a process — its
 * problems grouped by thematic area, merged ones apart — read from the device.
 */
export function ProblemsPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const problems = useProblems(processId);
  if (problems === undefined) return <Loading />;
  const active = problems.filter((p) => !p.mergedIntoId);
  const merged = problems.filter((p) => p.mergedIntoId);
  return (
    <ProcessListPage
      processId={processId}
      kind="problems"
      title={t('problems.listTitle')}
      count={active.length}
    >
      <ThemeSections items={active} idPrefix="problems-theme" headingKey="problems.themeHeading">
        {(problem) => <ProblemCard key={problem.id} problem={problem} />}
      </ThemeSections>
      <MergedProblems merged={merged} all={problems} />
    </ProcessListPage>
  );
}
