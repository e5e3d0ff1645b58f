/** `/problems/:id` and the new-problem form, with the projects that answer the problem. */
import { ProblemFormPage } from '../../features/problems/problem-form-page';
import { ProblemProjects } from '../../features/projects/answering-projects';
import { useDirtyReporter } from '../unsaved-store';

export function ProblemScreen() {
  return (
    <ProblemFormPage
      onDirtyChange={useDirtyReporter('problem-form')}
      links={(problem) => <ProblemProjects problemId={problem.id} />}
    />
  );
}
