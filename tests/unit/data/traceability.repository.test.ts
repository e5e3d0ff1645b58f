import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Project } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { closeRound, createRound } from '../../../src/client/data/prioritisation.repository';
import { recordTally } from '../../../src/client/data/ballots.repository';
import { createProblem, mergeProblem } from '../../../src/client/data/problems.repository';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createProject } from '../../../src/client/data/projects.repository';
import { createSession } from '../../../src/client/data/sessions.repository';
import { createTourNote } from '../../../src/client/data/tour-notes.repository';
import {
  getNoteTrace,
  getProjectTrace,
  listProblemChoices,
  listProblemProjects,
} from '../../../src/client/data/traceability.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
let processId: string;
let sessionId: string;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  processId = await createProcess(db, aProcess());
  sessionId = await createSession(db, aSession(processId));
});
afterEach(async () => {
  await db.delete();
});

const problem = (title: string, noteIds: string[] = []) =>
  createProblem(db, { processId, title, theme: 'safety', noteIds });

function aProject(overrides: Partial<Project> = {}): Project {
  return {
    processId,
    title: 'Luminarias en la calle 5',
    kind: 'project',
    theme: 'safety',
    problemIds: [],
    visionIds: [],
    managementMode: 'self_managed',
    governmentAreaIds: [],
    term: 'short',
    commitments: [],
    ...overrides,
  };
}

async function closedRound(dots: Record<string, number>) {
  const roundId = await createRound(db, sessionId, {
    title: 'Priorización',
    problemIds: Object.keys(dots),
    method: 'dots',
    dotsPerPerson: 3,
  });
  await recordTally(db, roundId, { dots, participants: 10 });
  await closeRound(db, roundId, 'Se priorizaron los problemas');
  return roundId;
}

describe('traceability repository', () => {
  it('offers the prioritised problems first, by their rank in closed rounds, then the rest by title', async () => {
    const agua = await problem('Falta de agua');
    const luz = await problem('Calles sin luz');
    const basura = await problem('Basura en la barranca');
    const otro = await problem('Árboles sin poda');
    await closedRound({ [agua]: 3, [luz]: 9, [basura]: 0 });
    const choices = await listProblemChoices(db, processId);
    expect(choices.map((c) => [c.title, c.rank])).toEqual([
      ['Calles sin luz', 1],
      ['Falta de agua', 2],
      ['Árboles sin poda', null],
      ['Basura en la barranca', null],
    ]);
    expect(choices.some((c) => c.id === otro)).toBe(true);
  });

  it('follows a tour note to its problem and the projects that answer it, merges included', async () => {
    const noteId = await createTourNote(db, sessionId, {
      theme: 'safety',
      description: 'Poste sin foco en la esquina',
      severity: 'high',
    });
    const survivor = await problem('Calles sin luz', [noteId]);
    const absorbed = await problem('Alumbrado roto');
    await mergeProblem(db, survivor, absorbed);
    const project = await createProject(db, aProject({ problemIds: [absorbed] }));
    await createProject(db, aProject({ title: 'Otra cosa' }));

    const trace = await getNoteTrace(db, noteId);
    expect(trace?.problems.map((p) => p.id)).toEqual([survivor]);
    expect(trace?.projects.map((p) => p.id)).toEqual([project]);
    expect((await listProblemProjects(db, survivor)).map((p) => p.id)).toEqual([project]);
  });

  it('traces a project back to its problems, their notes and the vote that ranked them', async () => {
    const noteId = await createTourNote(db, sessionId, {
      theme: 'safety',
      description: 'Poste sin foco en la esquina',
      severity: 'high',
    });
    const luz = await problem('Calles sin luz', [noteId]);
    const agua = await problem('Falta de agua');
    const roundId = await closedRound({ [agua]: 3, [luz]: 9 });
    const project = await createProject(db, aProject({ problemIds: [luz] }));

    const trace = await getProjectTrace(db, project);
    expect(trace?.problems).toHaveLength(1);
    expect(trace?.problems[0]?.notes.map((n) => n.id)).toEqual([noteId]);
    expect(trace?.problems[0]?.votes).toEqual([
      expect.objectContaining({ roundId, rank: 1, points: 9, of: 2, status: 'closed' }),
    ]);
    expect(await getProjectTrace(db, newId())).toBeNull();
  });
});
