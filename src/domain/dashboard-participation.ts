/**
 * The office's participation and rubric figures: sessions and attendance by
 * month, by gender × age group, indigenous people and people with
 * disabilities, per directorate; rubric averages by directorate × moment ×
 * criterion (current scores only: corrections applied).
 */
import { NO_DIRECTORATE, type FilteredData } from './dashboard';
import { AGE_GROUPS, GENDERS, type AgeGroup, type Attendance, type Gender } from './entities/session';
import { currentScores } from './rubric-stats';

export interface AttendanceFigures {
  sessions: number;
  attendance: number;
  byGender: Record<Gender, number>;
  byAge: Record<AgeGroup, number>;
  /** Gender × age group. */
  matrix: Record<Gender, Record<AgeGroup, number>>;
  indigenous: number;
  disability: number;
}

export function emptyFigures(): AttendanceFigures {
  const ages = () => Object.fromEntries(AGE_GROUPS.map((a) => [a, 0])) as Record<AgeGroup, number>;
  return {
    sessions: 0,
    attendance: 0,
    byGender: Object.fromEntries(GENDERS.map((g) => [g, 0])) as Record<Gender, number>,
    byAge: ages(),
    matrix: Object.fromEntries(GENDERS.map((g) => [g, ages()])) as Record<Gender, Record<AgeGroup, number>>,
    indigenous: 0,
    disability: 0,
  };
}

function add(figures: AttendanceFigures, attendance: Attendance): void {
  figures.sessions += 1;
  for (const g of GENDERS) {
    for (const a of AGE_GROUPS) {
      const n = attendance.counts[g][a];
      figures.matrix[g][a] += n;
      figures.byGender[g] += n;
      figures.byAge[a] += n;
      figures.attendance += n;
    }
  }
  figures.indigenous += attendance.indigenous;
  figures.disability += attendance.disability;
}

export interface Participation {
  total: AttendanceFigures;
  /** By month of the session's date (`YYYY-MM`), oldest first; months without sessions are left out. */
  byMonth: (AttendanceFigures & { month: string })[];
  /** By the process's directorate (id or `NO_DIRECTORATE`), in the directorates' order, "none" last. */
  byDirectorate: (AttendanceFigures & { directorateId: string; name: string | null })[];
}

export function participation(
  data: Pick<FilteredData, 'sessions' | 'directorates' | 'directorateOf'>,
): Participation {
  const total = emptyFigures();
  const months = new Map<string, AttendanceFigures & { month: string }>();
  const directorates = new Map(data.directorates.map((d) => [d.id, d]));
  const byDirectorate = new Map<string, AttendanceFigures & { directorateId: string; name: string | null }>();
  for (const s of data.sessions) {
    add(total, s.attendance);
    const month = s.date.slice(0, 7);
    const m = months.get(month) ?? { ...emptyFigures(), month };
    add(m, s.attendance);
    months.set(month, m);
    const d = directorates.get(data.directorateOf.get(s.processId) ?? NO_DIRECTORATE);
    const key = d ? d.id : NO_DIRECTORATE;
    const row = byDirectorate.get(key) ?? { ...emptyFigures(), directorateId: key, name: d?.name ?? null };
    add(row, s.attendance);
    byDirectorate.set(key, row);
  }
  const order = (id: string) => directorates.get(id)?.number ?? 1000;
  return {
    total,
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    byDirectorate: [...byDirectorate.values()].sort(
      (a, b) => order(a.directorateId) - order(b.directorateId),
    ),
  };
}

/** A score's moment, or `session` for a score of a session. */
export type RubricMomentKey = string;

export interface RubricCell {
  directorateId: string;
  directorateName: string | null;
  moment: RubricMomentKey;
  /** `<template family>:<criterion id>` (a criterion keeps its id across versions). */
  criterionKey: string;
  criterion: string;
  template: string;
  mean: number;
  count: number;
}

/** Mean level (1–4) of every criterion, per directorate and moment; sorted by directorate, moment, template, criterion. */
export function rubricsByDirectorate(
  data: Pick<FilteredData, 'rubricScores' | 'rubricTemplates' | 'directorates' | 'directorateOf'>,
): RubricCell[] {
  const templates = new Map(data.rubricTemplates.map((t) => [t.id, t]));
  const directorates = new Map(data.directorates.map((d) => [d.id, d]));
  const cells = new Map<string, RubricCell & { sum: number }>();
  for (const score of currentScores(data.rubricScores)) {
    const template = templates.get(score.templateId);
    const d = directorates.get(data.directorateOf.get(score.processId) ?? NO_DIRECTORATE);
    const directorateId = d ? d.id : NO_DIRECTORATE;
    const moment = score.target === 'moment' && score.moment ? score.moment : 'session';
    for (const [criterionId, level] of Object.entries(score.levels)) {
      const criterionKey = `${template?.family ?? score.templateId}:${criterionId}`;
      const key = `${directorateId}|${moment}|${criterionKey}`;
      const cell = cells.get(key) ?? {
        directorateId,
        directorateName: d?.name ?? null,
        moment,
        criterionKey,
        criterion: template?.criteria.find((c) => c.id === criterionId)?.label ?? criterionId,
        template: template?.name ?? '',
        mean: 0,
        count: 0,
        sum: 0,
      };
      cell.sum += level;
      cell.count += 1;
      cells.set(key, cell);
    }
  }
  const order = (id: string) => directorates.get(id)?.number ?? 1000;
  return [...cells.values()]
    .map(({ sum, ...cell }) => ({ ...cell, mean: sum / cell.count }))
    .sort(
      (a, b) =>
        order(a.directorateId) - order(b.directorateId) ||
        a.moment.localeCompare(b.moment) ||
        a.template.localeCompare(b.template, 'es-MX') ||
        a.criterion.localeCompare(b.criterion, 'es-MX'),
    );
}
