import { describe, expect, it } from 'vitest';
import {
  agendaContentSchema,
  assembleAgenda,
  currentAgendaVersion,
  isAgendaFrozen,
  newAgendaDraft,
  nextAgendaVersionNumber,
  sortAgendaVersions,
  validatedVersionPatch,
  type AgendaVersionRecord,
} from '../../../src/domain';
import {
  agendaWorld,
  ASSEMBLY,
  CISTERN_ACTION_1,
  CISTERN_ACTION_2,
  CISTERNS,
  CLEANUP,
  DUMP,
  LIGHT,
  LIGHTS,
  PROCESS,
  VISION_SAFE,
  VISION_WATER,
  WATER,
  WATER_AREA,
  WORKS_AREA,
} from '../../fixtures/agenda';

const AT = '2026-12-01T18:00:00.000Z';

describe('assembleAgenda', () => {
  it('assembles the neighbourhood, the Collective, the diagnosis, the vision and the projects in order', () => {
    const content = assembleAgenda(agendaWorld(), { assembledAt: AT });
    expect(agendaContentSchema.safeParse(content).success).toBe(true);
    expect(content).toMatchObject({
      format: 1,
      assembledAt: AT,
      process: { name: 'Aculco y San Lucas', stage: 'projects' },
      units: [
        { key: '07-001', name: 'Aculco', population: 5210 },
        { key: '07-002', name: 'Barrio San Lucas', population: 3100 },
      ],
      population: 8310,
      // Fourteen members; two consented to be named.
      collective: { memberCount: 14, names: ['Guadalupe Hernández', 'Juan Pérez'] },
    });
    // Problems by area in the programme's order; the merged one and the other process's are left out.
    expect(content.diagnosis.problemCount).toBe(3);
    expect(content.diagnosis.byTheme.map((g) => [g.theme, g.problems.map((p) => p.id)])).toEqual([
      ['safety', [LIGHT]],
      ['environment', [DUMP]],
      ['water', [WATER]],
    ]);
    expect(content.diagnosis.byTheme[2]!.problems[0]!.description).toBe(
      'Tuberías viejas en la calle principal',
    );
    // The closed round's result, from its ballots, with the assembly's attendance.
    expect(content.diagnosis.prioritisation).toEqual([
      {
        roundId: expect.any(String),
        title: 'Priorización de problemas',
        sessionId: ASSEMBLY,
        date: '2026-10-10',
        method: 'dots',
        participants: 20,
        attendance: 22,
        rows: [
          { problemId: WATER, title: 'Fugas de agua', rank: 1, points: 30, tied: false },
          { problemId: LIGHT, title: 'Calles sin alumbrado', rank: 2, points: 21, tied: false },
          { problemId: DUMP, title: 'Tiradero en la barranca', rank: 3, points: 9, tied: false },
        ],
      },
    ]);
    expect(content.vision.map((v) => v.id)).toEqual([VISION_SAFE, VISION_WATER]);
    expect(content.projects.map((p) => [p.outline, p.id, p.parentId])).toEqual([
      ['1', CISTERNS, null],
      ['1.1', CISTERN_ACTION_2, CISTERNS],
      ['1.2', CISTERN_ACTION_1, CISTERNS],
      ['2', LIGHTS, null],
      ['3', CLEANUP, null],
    ]);
  });

  it('freezes the names of government areas, in the project and in its commitments', () => {
    const content = assembleAgenda(agendaWorld(), { assembledAt: AT });
    const cisterns = content.projects[0]!;
    expect(cisterns.governmentAreas).toEqual([
      { id: WATER_AREA.id, name: WATER_AREA.name, shortName: WATER_AREA.shortName },
    ]);
    expect(cisterns.commitments[0]!.who).toEqual({
      kind: 'government_area',
      governmentAreaId: WATER_AREA.id,
      name: WATER_AREA.name,
    });
    expect(cisterns.commitments[1]!.who).toEqual({ kind: 'collective' });
    expect(content.projects[3]!.governmentAreas[0]!.name).toBe(WORKS_AREA.name);
    // Renaming an area later changes nothing in an assembled document.
    const world = agendaWorld();
    const renamed = assembleAgenda(
      { ...world, governmentAreas: world.governmentAreas.map((a) => ({ ...a, name: 'Renombrada' })) },
      { assembledAt: AT },
    );
    expect(renamed.projects[0]!.governmentAreas[0]!.name).toBe('Renombrada');
    expect(cisterns.governmentAreas[0]!.name).toBe(WATER_AREA.name);
  });

  it('includes only the selected projects; an action without its project stands alone', () => {
    const content = assembleAgenda(agendaWorld(), {
      assembledAt: AT,
      projectIds: [LIGHTS, CISTERN_ACTION_1],
    });
    // Both second in their own list: the tie goes by title.
    expect(content.projects.map((p) => [p.outline, p.id, p.parentId])).toEqual([
      ['1', LIGHTS, null],
      ['2', CISTERN_ACTION_1, null],
    ]);
  });

  it('leaves out open rounds, and works for a process with nothing yet', () => {
    const world = agendaWorld();
    const open = assembleAgenda(
      { ...world, rounds: world.rounds.map((r) => ({ ...r, status: 'open' as const, closedAt: null })) },
      { assembledAt: AT },
    );
    expect(open.diagnosis.prioritisation).toEqual([]);
    const empty = assembleAgenda(
      {
        ...world,
        process: { ...world.process, collective: undefined, unitKeys: ['07-999'] },
        problems: [],
        rounds: [],
        visions: [],
        projects: [],
      },
      { assembledAt: AT },
    );
    expect(empty).toMatchObject({
      units: [{ key: '07-999', name: null, population: null }],
      population: 0,
      collective: { memberCount: 0, names: [] },
      diagnosis: { problemCount: 0, byTheme: [], prioritisation: [] },
      vision: [],
      projects: [],
    });
    expect(agendaContentSchema.safeParse(empty).success).toBe(true);
  });

  it('gives the same document whatever the order of the records', () => {
    const world = agendaWorld();
    const reversed = {
      ...world,
      problems: [...world.problems].reverse(),
      visions: [...world.visions].reverse(),
      projects: [...world.projects].reverse(),
    };
    expect(assembleAgenda(reversed, { assembledAt: AT })).toEqual(assembleAgenda(world, { assembledAt: AT }));
  });
});

describe('agenda versions', () => {
  const content = assembleAgenda(agendaWorld(), { assembledAt: AT });
  const version = (id: string, number: number, status: 'draft' | 'validated'): AgendaVersionRecord => ({
    id,
    processId: PROCESS,
    number,
    status,
    changelog: `Versión ${number}`,
    content,
    ...(status === 'validated' ? { validationId: '0000000a-0000-4000-8000-000000000001' } : {}),
  });

  it('numbers a new draft after the newest version, and keeps validated versions apart', () => {
    const versions = [
      version('v1', 1, 'validated'),
      version('v3', 3, 'draft'),
      version('v2', 2, 'validated'),
    ];
    expect(nextAgendaVersionNumber(versions)).toBe(4);
    expect(nextAgendaVersionNumber([])).toBe(1);
    expect(sortAgendaVersions(versions).map((v) => v.id)).toEqual(['v3', 'v2', 'v1']);
    expect(currentAgendaVersion(versions)?.id).toBe('v2');
    expect(currentAgendaVersion([version('v1', 1, 'draft')])).toBeNull();
    expect(newAgendaDraft(PROCESS, versions, content, 'Se agregan dos acciones')).toEqual({
      processId: PROCESS,
      number: 4,
      status: 'draft',
      changelog: 'Se agregan dos acciones',
      content,
    });
  });

  it('validates a draft in one write that carries its content, and never a validated version again', () => {
    const draft = version('v3', 3, 'draft');
    expect(isAgendaFrozen(draft)).toBe(false);
    const patch = validatedVersionPatch(draft, 'val-1');
    expect(patch).toEqual({ status: 'validated', validationId: 'val-1', content });
    expect(isAgendaFrozen({ ...draft, ...patch })).toBe(true);
    expect(() => validatedVersionPatch({ ...draft, ...patch }, 'val-2')).toThrow(/already validated/);
  });
});
