/**
 * Rubrics for screens (rubrics.repository.ts): templates (coordinators edit
 * them; an edit is a new version) and append-only scores with their history
 * and averages. Everything reads and writes the device, so scoring works offline.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RubricAverages } from '../../domain';
import { getDb } from './current-db';
import * as rubrics from './rubrics.repository';
import { useDeviceRead } from './use-device-read';

export type {
  RubricScoreInput,
  RubricScoreView,
  RubricTarget,
  RubricTemplateInput,
  RubricTemplateView,
  ScoredRubric,
} from './rubrics.repository';

/** Every template version on the device (undefined while loading). */
export function useRubricTemplates(): rubrics.RubricTemplateView[] | undefined {
  return useLiveQuery(() => rubrics.listTemplates(getDb()), []);
}

/** The templates offered for new scores. */
export function useActiveRubricTemplates(): rubrics.RubricTemplateView[] | undefined {
  return useLiveQuery(() => rubrics.listActiveTemplates(getDb()), []);
}

export function useRubricTemplate(id: string): rubrics.RubricTemplateView | null | undefined {
  return useDeviceRead(rubrics.getTemplate, id);
}

/** Active templates for this session type or this moment. */
export function useApplicableTemplates(
  target: rubrics.RubricTarget,
): rubrics.RubricTemplateView[] | undefined {
  const key = 'moment' in target ? `moment:${target.moment}` : `session:${target.sessionType}`;
  return useLiveQuery(() => rubrics.listApplicableTemplates(getDb(), target), [key]);
}

export function useProcessRubricScores(processId: string): rubrics.ScoredRubric[] | undefined {
  return useDeviceRead(rubrics.listProcessScores, processId);
}

export function useSessionRubricScores(sessionId: string): rubrics.ScoredRubric[] | undefined {
  return useDeviceRead(rubrics.listSessionScores, sessionId);
}

export function useRubricAverages(): RubricAverages | undefined {
  return useLiveQuery(() => rubrics.computeRubricAverages(getDb()), []);
}

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
