import type { TFunction } from 'i18next';
import { StageTransitionError } from '../../data/use-processes';
import { failedWords } from '../../ui/record-form';

/** The words for a stage change that was not saved: each rule it broke, or why it failed. */
export function stageFailed(t: TFunction) {
  return failedWords(t, 'processes.saveFailed', {
    error: StageTransitionError,
    keys: 'processStages.problems',
  });
}
