import { describe, expect, it } from 'vitest';
import {
  assembleAgenda,
  problemFamily,
  projectsServing,
  survivorOf,
  traceNote,
  traceProject,
  type AgendaVersionRecord,
  type TraceRecords,
} from '../../../src/domain';
import {
  agendaWorld,
  CISTERN_ACTION_1,
  CISTERNS,
  CLEANUP,
  LIGHT,
  LIGHTS,
  NOTE_DARK,
  NOTE_DUMP,
  NOTE_LEAK,
  PROCESS,
  ROUND,
  VISION_WATER,
  WATER,
  WATER_DUPLICATE,
} from '../../fixtures/agenda';

function records(): TraceRecords {
  const world = agendaWorld();
  const content = assembleAgenda(world, { assembledAt: '2026-12-01T18:00:00.000Z' });
  const withoutLights = assembleAgenda(world, {
    assembledAt: '2026-11-20T18:00:00.000Z',
    projectIds: [CISTERNS, CLEANUP],
  });
  const versions: AgendaVersionRecord[] = [
    {
      id: 'v1',
      processId: PROCESS,
      number: 1,
      status: 'draft',
      changelog: 'Borrador',
      content: withoutLights,
    },
    {
      id: 'v2',
      processId: PROCESS,
      number: 2,
      status: 'validated',
      changelog: 'Con luminarias',
      content,
      validationId: '0000000a-0000-4000-8000-000000000001',
    },
  ];
  return { ...world, versions };
}

describe('merged problems', () => {
  it('live on as their survivor, and the survivor stands for them', () => {
    const { problems } = records();
    expect(survivorOf(WATER_DUPLICATE, problems)).toBe(WATER);
    expect(survivorOf(WATER, problems)).toBe(WATER);
    expect(problemFamily(WATER, problems)).toEqual(new Set([WATER, WATER_DUPLICATE]));
    // A loop of merges made by two tablets stops where it started.
    const loop = [
      { ...problems[0]!, mergedIntoId: WATER_DUPLICATE },
      { ...problems[1]!, mergedIntoId: WATER },
    ];
    expect([WATER, WATER_DUPLICATE]).toContain(survivorOf(WATER, loop));
  });
});

describe('traceNote', () => {
  it('follows a note to its problem, the projects answering it and the versions that include them', () => {
    const trace = traceNote(NOTE_DARK, records());
    expect(trace.problems.map((p) => p.id)).toEqual([LIGHT]);
    expect(trace.projects.map((p) => p.id)).toEqual([LIGHTS]);
    // Only the second version has the lights project.
    expect(trace.versions.map((v) => v.id)).toEqual(['v2']);
  });

  it('follows a note of a merged problem to the survivor, and projects that name either', () => {
    const trace = traceNote(NOTE_DUMP, records());
    expect(trace.problems.map((p) => p.id)).toEqual([WATER]);
    // The project names the survivor, its action the absorbed problem.
    expect(trace.projects.map((p) => p.id)).toEqual([CISTERNS, CISTERN_ACTION_1]);
    expect(trace.versions.map((v) => v.id)).toEqual(['v2', 'v1']);
  });

  it('finds nothing for a note no problem uses', () => {
    expect(traceNote('nothing', records())).toEqual({ problems: [], projects: [], versions: [] });
  });
});

describe('traceProject', () => {
  it('goes back to the problems, their notes and photos, the vote that ranked them, and the versions', () => {
    const trace = traceProject(CISTERN_ACTION_1, records())!;
    expect(trace.problems).toHaveLength(1);
    const [water] = trace.problems;
    expect(water!.problem.id).toBe(WATER);
    // Notes of the survivor and of the problem merged into it, photos included.
    expect(water!.notes.map((n) => n.id).sort()).toEqual([NOTE_DUMP, NOTE_LEAK].sort());
    expect(water!.notes[0]!.photos).toHaveLength(1);
    expect(water!.votes).toEqual([
      {
        roundId: ROUND,
        title: 'Priorización de problemas',
        sessionId: expect.any(String),
        status: 'closed',
        method: 'dots',
        rank: 1,
        tied: false,
        points: 30,
        of: 3,
      },
    ]);
    // The first version left this action out.
    expect(trace.versions.map((v) => v.id)).toEqual(['v2']);
    expect(traceProject('missing', records())).toBeNull();
  });

  it('shows the vision statements a project serves, both ways', () => {
    const all = records();
    const trace = traceProject(CISTERNS, all)!;
    expect(trace.visions.map((v) => v.id)).toEqual([VISION_WATER]);
    expect(trace.versions.map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(projectsServing(VISION_WATER, all.projects).map((p) => p.id)).toEqual([CISTERNS]);
  });
});
