import { describe, expect, it } from 'vitest';
import {
  mergeProblems,
  problemSchema,
  THEMATIC_AREAS,
  tourNoteSchema,
  type Problem,
} from '../../../src/domain';

const PROCESS = '10000000-0000-4000-8000-000000000001';
const OTHER_PROCESS = '10000000-0000-4000-8000-000000000002';
const SURVIVOR = '20000000-0000-4000-8000-000000000001';
const note = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function problem(overrides: Partial<Problem> = {}): Problem {
  return { processId: PROCESS, title: 'Fugas de agua', theme: 'water', ...overrides };
}

describe('problem schema', () => {
  it('accepts a problem in one of the 12 thematic areas', () => {
    expect(THEMATIC_AREAS).toHaveLength(12);
    expect(problemSchema.safeParse(problem({ causes: ['Tubería vieja'], noteIds: [note(1)] })).success).toBe(
      true,
    );
    expect(problemSchema.safeParse(problem({ theme: 'potholes' as never })).success).toBe(false);
  });

  it('refuses a title that is too short, a one-letter cause and a note id that is not a uuid', () => {
    const r = problemSchema.safeParse(problem({ title: ' a ', causes: ['x'], noteIds: ['nota-1'] }));
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['title', 'causes.0', 'noteIds.0']);
  });
});

describe('tour note schema', () => {
  it('accepts a note with its theme and severity and refuses an unknown severity', () => {
    const base = {
      processId: PROCESS,
      sessionId: SURVIVOR,
      theme: 'safety',
      description: 'Calle sin alumbrado',
      severity: 'high',
      takenAt: '2026-11-20T18:00:00.000Z',
    };
    expect(tourNoteSchema.safeParse(base).success).toBe(true);
    expect(tourNoteSchema.safeParse({ ...base, severity: 'extreme' }).success).toBe(false);
  });
});

describe('mergeProblems', () => {
  it('joins causes, effects and evidence without repeats, ignoring case and spaces', () => {
    const survivor = problem({
      causes: ['Tubería vieja', 'Falta de mantenimiento'],
      effects: ['Calles inundadas'],
      noteIds: [note(1), note(2)],
      description: 'Fugas en la calle 5',
    });
    const absorbed = problem({
      title: 'Fuga en la esquina',
      causes: ['tubería VIEJA ', 'Presión alta'],
      effects: ['Calles inundadas', 'Baches'],
      noteIds: [note(2), note(3)],
      description: 'Fuga frente a la escuela',
    });
    const { survivor: patch, absorbed: absorbedPatch } = mergeProblems(survivor, absorbed, SURVIVOR);
    expect(patch).toEqual({
      // The survivor's wording stays; the absorbed one's repeat is dropped.
      causes: ['Tubería vieja', 'Falta de mantenimiento', 'Presión alta'],
      effects: ['Calles inundadas', 'Baches'],
      noteIds: [note(1), note(2), note(3)],
      description: 'Fugas en la calle 5\n\nFuga frente a la escuela',
    });
    expect(absorbedPatch).toEqual({ mergedIntoId: SURVIVOR });
    // The merged survivor is still a valid problem.
    expect(problemSchema.safeParse({ ...survivor, ...patch }).success).toBe(true);
  });

  it('takes the absorbed description when the survivor has none, keeps one copy of a shared one', () => {
    expect(
      mergeProblems(problem(), problem({ description: 'Desde 2024' }), SURVIVOR).survivor.description,
    ).toBe('Desde 2024');
    const same = mergeProblems(
      problem({ description: 'Igual' }),
      problem({ description: ' Igual ' }),
      SURVIVOR,
    );
    expect(same.survivor.description).toBe('Igual');
    expect(mergeProblems(problem(), problem(), SURVIVOR).survivor).toEqual({
      causes: [],
      effects: [],
      noteIds: [],
      description: null,
    });
  });

  it('does not change its inputs', () => {
    const survivor = problem({ causes: ['Uno'] });
    const absorbed = problem({ causes: ['Dos'] });
    mergeProblems(survivor, absorbed, SURVIVOR);
    expect(survivor.causes).toEqual(['Uno']);
    expect(absorbed.causes).toEqual(['Dos']);
  });

  it('refuses to merge problems of different processes', () => {
    expect(() => mergeProblems(problem(), problem({ processId: OTHER_PROCESS }), SURVIVOR)).toThrow();
  });
});
