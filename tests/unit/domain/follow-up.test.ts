import { describe, expect, it } from 'vitest';
import {
  addDays,
  DEFAULT_PROJECT_STATUSES,
  defaultProjectStatusId,
  dueState,
  effectiveProgress,
  entities,
  localDate,
  nextStatuses,
  progressAfterStatus,
  projectSchema,
  projectStatusSchema,
  projectUpdateSchema,
  PROPOSED_STATUS_ID,
  statusChangeProblems,
  statusOf,
  type StatusRecord,
} from '../../../src/domain';

const STATUSES: StatusRecord[] = DEFAULT_PROJECT_STATUSES;
const id = (slug: string) => defaultProjectStatusId(slug);
const byId = (slug: string) => STATUSES.find((s) => s.id === id(slug))!;
const PROCESS = '10000000-0000-4000-8000-000000000001';
const PROJECT = '20000000-0000-4000-8000-000000000001';
const SHA = 'a'.repeat(64);

describe('project statuses', () => {
  it('ships the programme’s Spanish statuses with their default progress and reason rule', () => {
    expect(STATUSES.map((s) => [s.name, s.meaning, s.defaultProgress, s.requiresReason])).toEqual([
      ['Propuesto', 'proposed', 0, false],
      ['En gestión', 'in_management', 10, false],
      ['En ejecución', 'in_progress', 50, false],
      ['Concluido', 'done', 100, false],
      ['Cancelado', 'cancelled', null, true],
      ['En pausa', 'on_hold', null, true],
    ]);
    for (const { id: _id, ...status } of STATUSES) expect(projectStatusSchema.parse(status)).toEqual(status);
    expect(new Set(STATUSES.map((s) => s.id)).size).toBe(STATUSES.length);
    expect(entities.projectStatus).toMatchObject({ reference: true, appendOnly: false });
    expect(entities.projectUpdate).toMatchObject({ reference: false, appendOnly: false });
    expect(entities.projectUpdate.processIdOf('x', { processId: PROCESS })).toBe(PROCESS);
  });

  it('reads a project without a status as "Propuesto", and an unknown status as well', () => {
    expect(statusOf({}, STATUSES)?.id).toBe(PROPOSED_STATUS_ID);
    expect(statusOf({ statusId: id('concluido') }, STATUSES)?.name).toBe('Concluido');
    expect(statusOf({ statusId: '30000000-0000-4000-8000-000000000009' }, STATUSES)?.name).toBe('Propuesto');
    const renamed = STATUSES.filter((s) => s.id !== PROPOSED_STATUS_ID).concat({
      ...byId('propuesto'),
      id: '30000000-0000-4000-8000-000000000001',
      name: 'Idea',
    });
    expect(statusOf({}, renamed)?.name).toBe('Idea');
  });

  it('asks a reason for cancelled and on hold, refuses inactive and the same status', () => {
    const proposed = byId('propuesto');
    expect(statusChangeProblems(proposed, id('en-ejecucion'), null, STATUSES)).toEqual([]);
    expect(statusChangeProblems(proposed, id('cancelado'), '  ', STATUSES)).toEqual(['reason_required']);
    expect(statusChangeProblems(proposed, id('en-pausa'), 'Sin presupuesto este año', STATUSES)).toEqual([]);
    expect(statusChangeProblems(proposed, id('propuesto'), null, STATUSES)).toEqual(['status_same']);
    const retired = STATUSES.map((s) => (s.id === id('en-gestion') ? { ...s, active: false } : s));
    expect(statusChangeProblems(proposed, id('en-gestion'), null, retired)).toEqual(['status_inactive']);
    expect(nextStatuses(proposed, retired).map((s) => s.name)).toEqual([
      'En ejecución',
      'Concluido',
      'Cancelado',
      'En pausa',
    ]);
    expect(statusChangeProblems(proposed, 'nope', null, STATUSES)).toEqual(['status_unknown']);
  });

  it('a cancelled or finished project may be taken up again', () => {
    expect(statusChangeProblems(byId('cancelado'), id('en-ejecucion'), null, STATUSES)).toEqual([]);
    expect(statusChangeProblems(byId('concluido'), id('en-ejecucion'), null, STATUSES)).toEqual([]);
  });

  it('takes the status’s default progress, and keeps the progress reached when it has none', () => {
    expect(progressAfterStatus(byId('en-ejecucion'), 20)).toBe(50);
    expect(progressAfterStatus(byId('concluido'), 70)).toBe(100);
    expect(progressAfterStatus(byId('en-pausa'), 70)).toBe(70);
    expect(progressAfterStatus(byId('cancelado'), undefined)).toBeNull();
  });
});

describe('effective progress', () => {
  const project = { id: PROJECT, title: 'Mural', kind: 'project' as const };
  const action = (n: number, progress: number | null, weight?: number) => ({
    id: `20000000-0000-4000-8000-00000000010${n}`,
    title: `Acción ${n}`,
    kind: 'action' as const,
    parentId: PROJECT,
    progress,
    ...(weight !== undefined ? { weight } : {}),
  });

  it('uses the progress set by hand on a project without actions', () => {
    expect(effectiveProgress({ ...project, progress: 35 }, [])).toEqual({ value: 35, source: 'manual' });
  });

  it('falls back to the status’s default progress, and says so', () => {
    expect(effectiveProgress({ ...project, statusId: id('en-gestion') }, [], STATUSES)).toEqual({
      value: 10,
      source: 'status',
    });
    expect(effectiveProgress(project, [])).toEqual({ value: null, source: 'none' });
  });

  it('rolls up from the actions: the average by default, weighted when chosen (manual value ignored)', () => {
    const actions = [action(1, 100, 3), action(2, 0, 1)];
    expect(effectiveProgress({ ...project, progress: 10 }, [project, ...actions])).toEqual({
      value: 50,
      source: 'roll_up',
      method: 'average',
      actions: 2,
    });
    expect(effectiveProgress({ ...project, rollUp: 'weighted' }, actions)).toEqual({
      value: 75,
      source: 'roll_up',
      method: 'weighted',
      actions: 2,
    });
  });
});

describe('due state in America/Mexico_City', () => {
  it('takes the day in Mexico City, not in UTC: 23:30 there is already the next day in UTC', () => {
    // 2026-03-10 23:30 in Mexico City (UTC−6, no daylight saving since 2022) = 2026-03-11 05:30 UTC.
    const lateEvening = new Date('2026-03-11T05:30:00Z');
    expect(localDate(lateEvening)).toBe('2026-03-10');
    expect(localDate(lateEvening, 'UTC')).toBe('2026-03-11');
    // Due on the 10th: still on time in Mexico City that evening, overdue if read in UTC.
    expect(dueState('2026-03-10', lateEvening)).toBe('due_this_week');
    expect(dueState('2026-03-10', lateEvening, 'UTC')).toBe('overdue');
    // Half an hour later it is the 11th in Mexico City too.
    expect(dueState('2026-03-10', new Date('2026-03-11T06:00:00Z'))).toBe('overdue');
  });

  it('overdue, due within seven days (today included), later, done; no due date is never overdue', () => {
    const now = new Date('2026-03-10T18:00:00Z'); // noon in Mexico City
    expect(dueState('2026-03-09', now)).toBe('overdue');
    expect(dueState('2026-03-10', now)).toBe('due_this_week');
    expect(dueState('2026-03-16', now)).toBe('due_this_week');
    expect(dueState('2026-03-17', now)).toBe('later');
    expect(dueState('2026-03-01', now, undefined, true)).toBe('done');
    expect(dueState(undefined, now)).toBe('later');
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});

describe('project follow-up fields and updates', () => {
  it('a project carries its status, reason, progress and public flag; a commitment its done day', () => {
    const r = projectSchema.safeParse({
      processId: PROCESS,
      title: 'Mural de la memoria',
      kind: 'project',
      theme: 'culture',
      problemIds: [],
      visionIds: [],
      managementMode: 'self_managed',
      governmentAreaIds: [],
      term: 'short',
      commitments: [
        {
          id: 'c1',
          who: { kind: 'collective' },
          what: 'Conseguir la pintura',
          dueDate: '2026-03-01',
          done: true,
          doneAt: '2026-02-28',
        },
      ],
      statusId: id('en-pausa'),
      statusReason: 'Temporada de lluvias',
      progress: 40,
      public: true,
    });
    expect(r.success).toBe(true);
    expect(projectSchema.safeParse({ ...r.data, progress: 101 }).success).toBe(false);
  });

  const update = {
    processId: PROCESS,
    projectId: PROJECT,
    date: '2026-03-10',
    text: 'Se pintó el primer muro',
    kind: 'milestone',
    photos: [{ sha256: SHA, mime: 'image/jpeg' }],
    authorRole: 'facilitator',
    public: true,
    publicPhotos: [SHA],
  };

  it('accepts a milestone with photos, a point and the photos chosen for the public page', () => {
    expect(projectUpdateSchema.safeParse({ ...update, point: { lon: -99.1, lat: 19.4 } }).success).toBe(true);
  });

  it('refuses a public photo that is not among its photos, a status change without status, in Spanish', () => {
    const r = projectUpdateSchema.safeParse({ ...update, publicPhotos: ['b'.repeat(64)] });
    expect(r.error?.issues[0]).toMatchObject({
      path: ['publicPhotos'],
      message: 'Solo se publican fotos de este avance',
    });
    const s = projectUpdateSchema.safeParse({ ...update, kind: 'status_change' });
    expect(s.error?.issues[0]).toMatchObject({ path: ['statusId'], message: 'Elige el estado' });
    const c = projectUpdateSchema.safeParse({ ...update, kind: 'commitment_done' });
    expect(c.error?.issues[0]?.path).toEqual(['commitmentId']);
    const empty = projectUpdateSchema.safeParse({ ...update, text: '', photos: [], publicPhotos: [] });
    expect(empty.error?.issues[0]?.path).toEqual(['text']);
  });
});
