/**
 * Rubric scores over time and on average: the current scores (corrections
 * applied) of a process in order, and averages by criterion, by moment and
 * by directorate for coordinators. Pure functions over records.
 */
import type { Moment, RubricScore, RubricTemplate } from './entities/rubric';
import { compareTimes, resolveSupersession } from './supersede';

export type ScoreRecord = RubricScore & { id: string };
export type TemplateRecord = RubricTemplate & { id: string };

/** The scores that stand (not replaced by a correction), oldest first. */
export function currentScores(scores: readonly ScoreRecord[]): ScoreRecord[] {
  const { current } = resolveSupersession(scores.map((s) => ({ ...s, at: s.scoredAt })));
  const byId = new Map(scores.map((s) => [s.id, s]));
  return current
    .map((r) => byId.get(r.id)!)
    .sort((a, b) => compareTimes(a.scoredAt, b.scoredAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Mean level (1–4) of one score over the criteria it rated. */
export function scoreMean(score: Pick<RubricScore, 'levels'>): number {
  const levels = Object.values(score.levels);
  return levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : 0;
}

export interface Average {
  key: string;
  label: string;
  mean: number;
  count: number;
}

function averageInto(
  map: Map<string, { label: string; sum: number; count: number }>,
  key: string,
  label: string,
  value: number,
) {
  const entry = map.get(key) ?? { label, sum: 0, count: 0 };
  entry.sum += value;
  entry.count += 1;
  map.set(key, entry);
}

function toAverages(map: Map<string, { label: string; sum: number; count: number }>): Average[] {
  return [...map.entries()]
    .map(([key, e]) => ({ key, label: e.label, mean: e.sum / e.count, count: e.count }))
    .sort((a, b) => a.label.localeCompare(b.label, 'es-MX'));
}

export interface RubricAverages {
  /** By template family and criterion (a criterion keeps its id across versions). */
  byCriterion: (Average & { templateName: string })[];
  /** By moment, over every criterion of moment scores. */
  byMoment: (Average & { moment: Moment })[];
  /** By directorate of the scored process (processes without one under `none`). */
  byDirectorate: Average[];
}

/**
 * Averages of the current scores. `directorateOf` maps a process id to its
 * directorate `{ id, name }` (or null); `templates` resolve criterion labels.
 */
export function rubricAverages(
  scores: readonly ScoreRecord[],
  templates: readonly TemplateRecord[],
  directorateOf: (processId: string) => { id: string; name: string } | null,
): RubricAverages {
  const templateById = new Map(templates.map((t) => [t.id, t]));
  const byCriterion = new Map<string, { label: string; sum: number; count: number; templateName: string }>();
  const byMoment = new Map<string, { label: string; sum: number; count: number }>();
  const byDirectorate = new Map<string, { label: string; sum: number; count: number }>();
  for (const score of currentScores(scores)) {
    const template = templateById.get(score.templateId);
    for (const [criterionId, level] of Object.entries(score.levels)) {
      const criterion = template?.criteria.find((c) => c.id === criterionId);
      const key = `${template?.family ?? score.templateId}:${criterionId}`;
      const entry = byCriterion.get(key) ?? {
        label: criterion?.label ?? criterionId,
        sum: 0,
        count: 0,
        templateName: template?.name ?? '',
      };
      entry.sum += level;
      entry.count += 1;
      byCriterion.set(key, entry);
    }
    const mean = scoreMean(score);
    if (score.target === 'moment' && score.moment) averageInto(byMoment, score.moment, score.moment, mean);
    const directorate = directorateOf(score.processId);
    averageInto(byDirectorate, directorate?.id ?? 'none', directorate?.name ?? '', mean);
  }
  return {
    byCriterion: [...byCriterion.entries()]
      .map(([key, e]) => ({
        key,
        label: e.label,
        templateName: e.templateName,
        mean: e.sum / e.count,
        count: e.count,
      }))
      .sort(
        (a, b) =>
          a.templateName.localeCompare(b.templateName, 'es-MX') || a.label.localeCompare(b.label, 'es-MX'),
      ),
    byMoment: toAverages(byMoment).map((a) => ({ ...a, moment: a.key as Moment })),
    byDirectorate: toAverages(byDirectorate),
  };
}

/** The newest active version of each template family. */
export function activeTemplates(templates: readonly TemplateRecord[]): TemplateRecord[] {
  const newest = new Map<string, TemplateRecord>();
  for (const t of templates) {
    const prev = newest.get(t.family);
    if (!prev || t.version > prev.version) newest.set(t.family, t);
  }
  return [...newest.values()].filter((t) => t.active).sort((a, b) => a.name.localeCompare(b.name, 'es-MX'));
}
