/**
 * Rubrics for the UI: templates (coordinators edit them; an edit is a new
 * version) and append-only scores with their history and averages. Every
 * function reads and writes the device database, so scoring works offline.
 */
import { getDb } from './current-db';
import * as rubrics from './rubrics.repository';

export type {
  RubricScoreInput,
  RubricScoreView,
  RubricTarget,
  RubricTemplateInput,
  RubricTemplateView,
  ScoredRubric,
} from './rubrics.repository';

export const {
  useRubricTemplates,
  useActiveRubricTemplates,
  useRubricTemplate,
  useApplicableTemplates,
  useProcessRubricScores,
  useSessionRubricScores,
  useRubricAverages,
} = rubrics.createRubricHooks(getDb);

/** Coordinators: a new template (version 1); returns its id. */
export const createRubricTemplate = (input: rubrics.RubricTemplateInput) =>
  rubrics.createTemplate(getDb(), input);
/** Coordinators: saves an edit as the next version; older versions stay as they were. */
export const saveRubricTemplateVersion = (templateId: string, input: rubrics.RubricTemplateInput) =>
  rubrics.saveTemplateVersion(getDb(), templateId, input);
/** Coordinators: stops offering a template for new scores. */
export const retireRubricTemplate = (templateId: string) => rubrics.retireTemplate(getDb(), templateId);
/** Records a score by the signed-in account (append-only); returns its id. */
export const scoreRubric = (input: rubrics.RubricScoreInput) => rubrics.scoreRubric(getDb(), input);
/** Corrects a score with a new one that supersedes it. */
export const correctRubricScore = (oldId: string, input: Parameters<typeof rubrics.correctScore>[2]) =>
  rubrics.correctScore(getDb(), oldId, input);
