import { describe, expect, it } from 'vitest';
import {
  effectiveParents,
  nextCommunityOrder,
  parentProblems,
  projectOutline,
  projectProgress,
  rollUpProgress,
  type ProgressNode,
} from '../../../src/domain';
import {
  agendaWorld,
  CISTERN_ACTION_1,
  CISTERN_ACTION_2,
  CISTERNS,
  CLEANUP,
  LIGHTS,
  OTHER_PROJECT,
  PROCESS,
} from '../../fixtures/agenda';

const node = (id: string, over: Partial<ProgressNode> = {}): ProgressNode => ({ id, title: id, ...over });

describe('parentProblems', () => {
  const { projects } = agendaWorld();

  it('lets an action hang from a project of its process', () => {
    expect(parentProblems({ id: CLEANUP, processId: PROCESS }, CISTERNS, projects)).toEqual([]);
  });

  it('refuses itself, an unknown parent, another process, an action as parent, and a loop', () => {
    expect(parentProblems({ id: CLEANUP, processId: PROCESS }, CLEANUP, projects)).toEqual([
      'parent_is_self',
    ]);
    expect(parentProblems({ id: CLEANUP, processId: PROCESS }, PROCESS, projects)).toEqual([
      'parent_not_found',
    ]);
    expect(parentProblems({ id: CLEANUP, processId: PROCESS }, OTHER_PROJECT, projects)).toEqual([
      'parent_other_process',
    ]);
    expect(parentProblems({ id: CLEANUP, processId: PROCESS }, CISTERN_ACTION_1, projects)).toEqual([
      'parent_not_project',
    ]);
    // The cisterns project under its own action would loop.
    const asProject = projects.map((p) =>
      p.id === CISTERN_ACTION_1 ? { ...p, kind: 'project' as const } : p,
    );
    expect(parentProblems({ id: CISTERNS, processId: PROCESS }, CISTERN_ACTION_1, asProject)).toEqual([
      'parent_loop',
    ]);
  });
});

describe('projectOutline', () => {
  it('numbers projects in the community’s order, each followed by its actions in theirs', () => {
    const { projects } = agendaWorld();
    const outline = projectOutline(projects.filter((p) => p.processId === PROCESS));
    expect(outline.map((e) => [e.outline, e.project.id, e.depth])).toEqual([
      ['1', CISTERNS, 0],
      ['1.1', CISTERN_ACTION_2, 1],
      ['1.2', CISTERN_ACTION_1, 1],
      ['2', LIGHTS, 0],
      // Unranked: after the ranked ones.
      ['3', CLEANUP, 0],
    ]);
  });

  it('lists an action whose parent is not selected, or a loop made by two tablets, at the top level', () => {
    const loop = [
      node('a', { parentId: 'b', communityOrder: 1 }),
      node('b', { parentId: 'a', communityOrder: 2 }),
    ];
    expect(projectOutline(loop).map((e) => [e.outline, e.project.id])).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect(effectiveParents(loop)).toEqual(
      new Map([
        ['a', null],
        ['b', null],
      ]),
    );
    expect(projectOutline([node('x', { parentId: 'missing' })]).map((e) => e.outline)).toEqual(['1']);
  });

  it('gives the next free place among siblings', () => {
    const { projects } = agendaWorld();
    expect(nextCommunityOrder(projects)).toBe(3);
    expect(nextCommunityOrder(projects, CISTERNS)).toBe(3);
    expect(nextCommunityOrder(projects, CLEANUP)).toBe(1);
  });
});

describe('progress roll-up', () => {
  it('averages the actions, or weights them, counting an action with no progress as 0', () => {
    const children = [{ progress: 100, weight: 3 }, { progress: 20, weight: 1 }, { weight: 1 }];
    expect(rollUpProgress('average', children)).toEqual({
      progress: 40,
      method: 'average',
      counted: 3,
      withoutProgress: 1,
    });
    expect(rollUpProgress('weighted', children).progress).toBe(64);
    // Weights all 0: the plain average.
    expect(
      rollUpProgress('weighted', [
        { progress: 10, weight: 0 },
        { progress: 30, weight: 0 },
      ]).progress,
    ).toBe(20);
    expect(rollUpProgress('average', []).progress).toBeNull();
    // Out-of-range figures are held to 0–100.
    expect(rollUpProgress('average', [{ progress: 150 }, { progress: -10 }]).progress).toBe(50);
  });

  it('rolls up through nested projects by each parent’s own method, and survives a loop', () => {
    const progress = projectProgress([
      node('root', { rollUp: 'weighted', progress: 5 }),
      node('sub', { parentId: 'root', weight: 3, rollUp: 'average' }),
      node('leaf1', { parentId: 'sub', progress: 100 }),
      node('leaf2', { parentId: 'sub', progress: 50 }),
      node('lone', { parentId: 'root', weight: 1, progress: 15 }),
      node('idle'),
      node('a', { parentId: 'b', progress: 10 }),
      node('b', { parentId: 'a', progress: 30 }),
    ]);
    expect(progress.get('sub')).toBe(75);
    // (75 × 3 + 15 × 1) / 4: the root's own figure gives way to its actions'.
    expect(progress.get('root')).toBe(60);
    expect(progress.get('idle')).toBeNull();
    expect(progress.get('a')).toBe(10);
    expect(progress.get('b')).toBe(30);
  });
});
