/**
 * Rubrics for screens (rubrics.repository.ts): templates (coordinators edit
 * them; an edit is a new version) and append-only scores with their history
 * and averages. Everything reads and writes the device, so scoring works offline.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import { boundCommand, liveRead } from './device-bindings';
import * as rubrics from './rubrics.repository';

export type {
  RubricScoreInput,
  RubricScoreView,
  RubricTarget,
  RubricTemplateInput,
  RubricTemplateView,
  ScoredRubric,
} from './rubrics.repository';

/** Every template version on the device (undefined while loading). */
export const useRubricTemplates = liveRead(rubrics.listTemplates);

/** The templates offered for new scores. */
export const useActiveRubricTemplates = liveRead(rubrics.listActiveTemplates);

export const useRubricTemplate = liveRead(rubrics.getTemplate);

/** Active templates for this session type or this moment. */
export function useApplicableTemplates(
  target: rubrics.RubricTarget,
): rubrics.RubricTemplateView[] | undefined {
  const key = 'moment' in target ? `moment:${target.moment}` : `session:${target.sessionType}`;
  return useLiveQuery(() => rubrics.listApplicableTemplates(getDb(), target), [key]);
}

export const useProcessRubricScores = liveRead(rubrics.listProcessScores);

export const useSessionRubricScores = liveRead(rubrics.listSessionScores);

export const useRubricAverages = liveRead(rubrics.computeRubricAverages);

/** Coordinators: a new template (version 1); returns its id. */
export const createRubricTemplate = boundCommand(rubrics.createTemplate);
/** Coordinators: saves an edit as the next version; older versions stay as they were. */
export const saveRubricTemplateVersion = boundCommand(rubrics.saveTemplateVersion);
/** Coordinators: stops offering a template for new scores. */
export const retireRubricTemplate = boundCommand(rubrics.retireTemplate);
/** Records a score by the signed-in account (append-only); returns its id. */
export const scoreRubric = boundCommand(rubrics.scoreRubric);
/** Corrects a score with a new one that supersedes it. */
export const correctRubricScore = boundCommand(rubrics.correctScore);
