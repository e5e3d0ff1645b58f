/**
 * Time to assemble a realistic Local Agenda (20 problems, a closed vote, 6 vision statements,
 * 10 projects with commitments): the pure assembly (`assembleAgenda`) and the whole repository
 * step that "Armar la Agenda" runs (read the process's records, assemble, store the draft and its
 * outbox entry), on fake-indexeddb in Node. The same step in Chromium, from the tap to the
 * document on screen, is measured by tests/e2e/agenda-print-size.spec.ts.
 *
 *   node --import tsx bench/agenda-assemble.ts [--runs 50]
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { TequioDb } from '../src/client/data/db';
import { createAgendaDraft, readAgendaSources } from '../src/client/data/agenda.repository';
import { writeLocal } from '../src/client/data/records.repository';
import { assembleAgenda, emptyAttendance, newId, type EntityName, type Fields } from '../src/domain';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 50;
const THEMES = ['water', 'safety', 'environment', 'public_space', 'health'] as const;

async function put(db: TequioDb, entity: EntityName, fields: Fields): Promise<string> {
  const id = newId();
  await writeLocal(db, entity, id, { op: 'put', fields });
  return id;
}

async function seed(db: TequioDb): Promise<string> {
  const processId = await put(db, 'process', {
    name: 'Proceso realista',
    unitKeys: ['07-102'],
    stage: 'projects',
    teamUserIds: [],
    collective: { memberCount: 18, members: [] },
  });
  const attendance = emptyAttendance();
  attendance.counts.women.adults = 25;
  attendance.counts.men.adults = 15;
  const sessionId = await put(db, 'session', {
    processId,
    type: 'community_assembly',
    title: 'Asamblea de diagnóstico',
    date: '2026-11-07',
    place: 'Casa de cultura',
    facilitators: ['Rosa Martínez'],
    attendance,
    agreements: [],
  });
  const problems: string[] = [];
  for (let i = 0; i < 20; i++)
    problems.push(
      await put(db, 'problem', {
        processId,
        title: `Problema ${i + 1} del autodiagnóstico`,
        description: 'Descrito por las vecinas y los vecinos, con sus causas y efectos.',
        theme: THEMES[i % 5],
      }),
    );
  const roundId = await put(db, 'round', {
    processId,
    sessionId,
    title: 'Priorización',
    options: problems
      .slice(0, 10)
      .map((id, i) => ({ problemId: id, title: `Problema ${i + 1} del autodiagnóstico` })),
    method: 'dots',
    dotsPerPerson: 3,
    allowStacking: true,
    status: 'closed',
    openedAt: '2026-11-07T17:00:00.000Z',
    closedAt: '2026-11-07T18:00:00.000Z',
  });
  await put(db, 'ballot', {
    processId,
    roundId,
    kind: 'tally',
    castAt: '2026-11-07T17:50:00.000Z',
    dots: Object.fromEntries(problems.slice(0, 10).map((id, i) => [id, 30 - 2 * i])),
    participants: 80,
  });
  const visions: string[] = [];
  for (let i = 0; i < 6; i++)
    visions.push(
      await put(db, 'visionStatement', {
        processId,
        sessionId,
        theme: THEMES[i % 5],
        text: `Imaginario ${i + 1}: el barrio que queremos.`,
        problemIds: [problems[i]!],
      }),
    );
  for (let i = 0; i < 10; i++)
    await put(db, 'project', {
      processId,
      title: `Proyecto ${i + 1}`,
      description: 'Propuesta de la comunidad para atender el problema priorizado.',
      kind: 'project',
      theme: THEMES[i % 5],
      problemIds: [problems[i]!, problems[i + 10]!],
      visionIds: [visions[i % 6]!],
      managementMode: 'self_managed',
      governmentAreaIds: [],
      term: 'short',
      costNote: 'Unos 80 mil pesos.',
      commitments: [
        { id: `c${i}`, who: { kind: 'collective' }, what: 'Convocar a las faenas', dueDate: '2027-02-01' },
      ],
      communityOrder: i + 1,
    });
  return processId;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const db = new TequioDb(`bench-agenda-${newId()}`);
await db.open();
const processId = await seed(db);
const sources = await readAgendaSources(db, processId);
const pure: number[] = [];
const whole: number[] = [];
for (let i = 0; i < runs; i++) {
  let start = performance.now();
  assembleAgenda(sources, { assembledAt: new Date().toISOString() });
  pure.push(performance.now() - start);
  start = performance.now();
  await createAgendaDraft(db, processId, { changelog: `Versión ${i + 1}` });
  whole.push(performance.now() - start);
}
await db.delete();
console.log(
  JSON.stringify({
    runs,
    pureAssembleMedianMs: Number(median(pure).toFixed(3)),
    createDraftMedianMs: Number(median(whole).toFixed(2)),
    createDraftMaxMs: Number(Math.max(...whole).toFixed(2)),
  }),
);
