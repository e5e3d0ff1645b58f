import { describe, expect, it } from 'vitest';
import { areaFollowUp, groupPending, overdueByArea, pendingItems } from '../../../src/domain';

const PROCESS = '10000000-0000-4000-8000-000000000001';
const WORKS = '40000000-0000-4000-8000-000000000001';
const CULTURE = '40000000-0000-4000-8000-000000000002';
// Tuesday 2026-03-10, 22:00 in Mexico City (04:00 UTC on the 11th).
const NOW = new Date('2026-03-11T04:00:00Z');

const projects = [
  {
    id: '20000000-0000-4000-8000-000000000001',
    processId: PROCESS,
    title: 'Banquetas',
    governmentAreaIds: [WORKS],
    commitments: [
      {
        id: 'a',
        who: { kind: 'government_area' as const, governmentAreaId: WORKS },
        what: 'Presupuesto',
        dueDate: '2026-03-01',
      },
      {
        id: 'b',
        who: { kind: 'government_area' as const, governmentAreaId: WORKS },
        what: 'Obra',
        dueDate: '2026-03-10',
      },
      {
        id: 'c',
        who: { kind: 'collective' as const },
        what: 'Faena',
        dueDate: '2026-02-01',
        done: true,
        doneAt: '2026-02-02',
      },
    ],
  },
  {
    id: '20000000-0000-4000-8000-000000000002',
    processId: PROCESS,
    title: 'Mural',
    governmentAreaIds: [CULTURE, WORKS],
    commitments: [
      {
        id: 'd',
        who: { kind: 'government_area' as const, governmentAreaId: CULTURE },
        what: 'Pintura',
        dueDate: '2026-04-30',
      },
      {
        id: 'e',
        who: { kind: 'government_area' as const, governmentAreaId: WORKS },
        what: 'Andamio',
        dueDate: '2026-02-20',
      },
    ],
  },
];
const sessions = [
  {
    id: '30000000-0000-4000-8000-000000000001',
    processId: PROCESS,
    title: 'Asamblea',
    agreements: [
      {
        id: 'x',
        text: 'Convocar',
        responsible: 'Doña Lupe',
        dueDate: '2026-03-09',
        status: 'pending' as const,
      },
      { id: 'y', text: 'Volantes', responsible: 'Juan', dueDate: '2026-03-12', status: 'done' as const },
      { id: 'z', text: 'Rifa', responsible: 'Ana', status: 'cancelled' as const },
      { id: 'w', text: 'Sin fecha', responsible: 'Ana', status: 'in_progress' as const },
    ],
  },
];

describe('pendientes', () => {
  it('orders overdue first (oldest first), due this week, later, done (latest first); leaves cancelled agreements out', () => {
    const items = pendingItems(projects, sessions, NOW);
    expect(items.map((i) => [i.itemId, i.state])).toEqual([
      ['e', 'overdue'],
      ['a', 'overdue'],
      ['x', 'overdue'],
      ['b', 'due_this_week'],
      ['d', 'later'],
      ['w', 'later'],
      ['y', 'done'],
      ['c', 'done'],
    ]);
    expect(items.find((i) => i.itemId === 'x')).toMatchObject({
      kind: 'agreement',
      who: { kind: 'person', name: 'Doña Lupe' },
      recordTitle: 'Asamblea',
    });
    const groups = groupPending(items);
    expect(groups.overdue).toHaveLength(3);
    expect(groups.done.map((i) => i.itemId)).toEqual(['y', 'c']);
  });

  it('a commitment due today is not overdue late in the evening in Mexico City', () => {
    const b = pendingItems(projects, [], NOW).find((i) => i.itemId === 'b');
    expect(b?.state).toBe('due_this_week');
  });

  it('per government area: its projects, its commitments and how many are overdue', () => {
    const works = areaFollowUp(WORKS, projects, NOW);
    expect(works.projects.map((p) => p.title)).toEqual(['Banquetas', 'Mural']);
    expect(works.commitments.map((c) => c.itemId)).toEqual(['e', 'a', 'b']);
    expect(works.overdue).toBe(2);
    expect(areaFollowUp(CULTURE, projects, NOW).overdue).toBe(0);
    expect([...overdueByArea(projects, NOW)]).toEqual([[WORKS, 2]]);
  });
});
