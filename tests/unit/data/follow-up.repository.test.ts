import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_GOVERNMENT_AREAS,
  DEFAULT_PROJECT_STATUSES,
  defaultProjectStatusId,
  newId,
  type Project,
} from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { ValidationError } from '../../../src/client/data/errors';
import {
  countOverdueByArea,
  getAreaFollowUp,
  listPending,
} from '../../../src/client/data/follow-up.repository';
import { createProcess } from '../../../src/client/data/processes.repository';
import {
  createProjectStatus,
  listProjectStatuses,
  moveProjectStatus,
  setProjectStatusActive,
} from '../../../src/client/data/project-statuses.repository';
import {
  listProjectUpdates,
  markCommitmentDone,
  recordProgress,
  StatusChangeError,
} from '../../../src/client/data/project-updates.repository';
import { createProject, getProject } from '../../../src/client/data/projects.repository';
import { createSession, getSession, setAgreementStatus } from '../../../src/client/data/sessions.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

const WORKS = DEFAULT_GOVERNMENT_AREAS[0]!.id;
const PHOTO = { sha256: 'd'.repeat(64), mime: 'image/jpeg' };
// 2026-03-10 at 23:30 in Mexico City: already the 11th in UTC.
const LATE_EVENING = new Date('2026-03-11T05:30:00Z');

let db: TequioDb;
let processId: string;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  // The shipped statuses, as a first sync brings them.
  await db.projectStatuses.bulkPut(
    DEFAULT_PROJECT_STATUSES.map(({ id, ...fields }) => ({ id, fields, hlcs: {}, deleted: false as const })),
  );
  processId = await createProcess(db, aProcess({ name: 'Barrio Norte' }));
});
afterEach(async () => {
  await db.delete();
});

const aProject = (over: Partial<Project> = {}): Project => ({
  processId,
  title: 'Banquetas accesibles',
  kind: 'project',
  theme: 'mobility',
  problemIds: [],
  visionIds: [],
  managementMode: 'co_managed',
  governmentAreaIds: [WORKS],
  term: 'short',
  commitments: [
    {
      id: 'c1',
      who: { kind: 'government_area', governmentAreaId: WORKS },
      what: 'Hacer la obra',
      dueDate: '2026-03-10',
    },
    {
      id: 'c2',
      who: { kind: 'government_area', governmentAreaId: WORKS },
      what: 'Presupuesto',
      dueDate: '2026-03-01',
    },
  ],
  ...over,
});

describe('project follow-up on the device', () => {
  it('records a milestone with a photo and a public photo, newest first in the timeline', async () => {
    const project = await createProject(db, aProject());
    const outboxBefore = await db.outbox.count();
    await recordProgress(db, {
      projectId: project,
      date: '2026-03-01',
      text: 'Se trazó la banqueta',
      photos: [],
      public: false,
      authorRole: 'facilitator',
    });
    const [id] = await recordProgress(db, {
      projectId: project,
      date: '2026-03-05',
      text: 'Primer tramo colado',
      photos: [PHOTO],
      point: { lat: 19.4, lon: -99.1 },
      public: true,
      publicPhotos: [PHOTO.sha256],
      authorRole: 'facilitator',
      progress: 30,
    });
    const timeline = await listProjectUpdates(db, project);
    expect(timeline.map((u) => u.text)).toEqual(['Primer tramo colado', 'Se trazó la banqueta']);
    expect(timeline[0]).toMatchObject({ id, kind: 'milestone', progress: 30, publicPhotos: [PHOTO.sha256] });
    expect((await getProject(db, project))?.progress).toBe(30);
    // Two entries and one project edit, all queued to sync.
    expect(await db.outbox.count()).toBe(outboxBefore + 3);
  });

  it('a status change sets status, reason and default progress, and records a status_change entry', async () => {
    const project = await createProject(db, aProject({ progress: 20 }));
    await recordProgress(db, {
      projectId: project,
      date: '2026-03-02',
      text: '',
      photos: [],
      public: true,
      authorRole: 'coordinator',
      statusId: defaultProjectStatusId('en-ejecucion'),
    });
    expect(await getProject(db, project)).toMatchObject({
      statusId: defaultProjectStatusId('en-ejecucion'),
      progress: 50,
    });
    expect((await getProject(db, project))?.statusReason ?? null).toBeNull();
    const [entry] = await listProjectUpdates(db, project);
    expect(entry).toMatchObject({ kind: 'status_change', statusId: defaultProjectStatusId('en-ejecucion') });
  });

  it('refuses on hold without a reason and writes nothing', async () => {
    const project = await createProject(db, aProject());
    const outbox = await db.outbox.count();
    await expect(
      recordProgress(db, {
        projectId: project,
        date: '2026-03-02',
        text: 'Sin presupuesto',
        photos: [],
        public: false,
        authorRole: 'facilitator',
        statusId: defaultProjectStatusId('en-pausa'),
        statusReason: ' ',
      }),
    ).rejects.toBeInstanceOf(StatusChangeError);
    expect(await db.projectUpdates.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outbox);
    await recordProgress(db, {
      projectId: project,
      date: '2026-03-02',
      text: 'Sin presupuesto',
      photos: [],
      public: false,
      authorRole: 'facilitator',
      statusId: defaultProjectStatusId('en-pausa'),
      statusReason: 'Esperando presupuesto 2027',
    });
    expect((await getProject(db, project))?.statusReason).toBe('Esperando presupuesto 2027');
    expect((await listProjectUpdates(db, project)).map((u) => u.kind).sort()).toEqual([
      'milestone',
      'status_change',
    ]);
  });

  it('refuses an empty milestone (no text, no photo)', async () => {
    const project = await createProject(db, aProject());
    await expect(
      recordProgress(db, {
        projectId: project,
        date: '2026-03-02',
        text: ' ',
        photos: [],
        public: false,
        authorRole: 'promoter',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('marks a commitment done: done and doneAt on the project, an entry in the timeline', async () => {
    const project = await createProject(db, aProject());
    await markCommitmentDone(db, {
      projectId: project,
      commitmentId: 'c2',
      date: '2026-03-09',
      note: 'Presupuesto aprobado en cabildo',
      photos: [PHOTO],
      authorRole: 'facilitator',
      public: true,
    });
    const stored = await getProject(db, project);
    expect(stored?.commitments.find((c) => c.id === 'c2')).toMatchObject({
      done: true,
      doneAt: '2026-03-09',
    });
    expect(stored?.commitments.find((c) => c.id === 'c1')?.done).toBeUndefined();
    expect(await listProjectUpdates(db, project)).toEqual([
      expect.objectContaining({
        kind: 'commitment_done',
        commitmentId: 'c2',
        text: 'Presupuesto aprobado en cabildo',
      }),
    ]);
  });

  it('gathers the pendientes, overdue first, in Mexico City time; an agreement done moves to done', async () => {
    await createProject(db, aProject());
    const session = await createSession(
      db,
      aSession(processId, {
        title: 'Asamblea de marzo',
        agreements: [
          {
            id: 'a1',
            text: 'Convocar faena',
            responsible: 'Doña Lupe',
            dueDate: '2026-03-08',
            status: 'pending',
          },
        ],
      }),
    );
    const pending = await listPending(db, processId, LATE_EVENING);
    expect(pending.map((p) => [p.itemId, p.state])).toEqual([
      ['c2', 'overdue'],
      ['a1', 'overdue'],
      ['c1', 'due_this_week'], // due "today" in Mexico City, though the 11th in UTC
    ]);
    expect(pending[0]?.processName).toBe('Barrio Norte');
    await setAgreementStatus(db, session, 'a1', 'done');
    expect((await getSession(db, session))?.agreements[0]?.status).toBe('done');
    expect((await listPending(db, undefined, LATE_EVENING)).find((p) => p.itemId === 'a1')?.state).toBe(
      'done',
    );
    expect(await listPending(db, newId(), LATE_EVENING)).toEqual([]);
  });

  it('per government area: projects naming it and overdue commitments', async () => {
    const project = await createProject(db, aProject());
    const area = await getAreaFollowUp(db, WORKS, LATE_EVENING);
    expect(area.projects.map((p) => p.id)).toEqual([project]);
    expect(area.overdue).toBe(1);
    expect(await countOverdueByArea(db, LATE_EVENING)).toEqual(new Map([[WORKS, 1]]));
    await markCommitmentDone(db, {
      projectId: project,
      commitmentId: 'c2',
      date: '2026-03-10',
      note: '',
      photos: [],
      authorRole: 'coordinator',
      public: false,
    });
    expect((await countOverdueByArea(db, LATE_EVENING)).size).toBe(0);
  });
});

describe('project statuses on the device', () => {
  it('adds a status last, reorders and retires without deleting', async () => {
    const id = await createProjectStatus(db, {
      name: 'En licitación',
      meaning: 'in_management',
      defaultProgress: 20,
      requiresReason: false,
    });
    let all = await listProjectStatuses(db);
    expect(all.at(-1)).toMatchObject({ id, order: 7, active: true });
    expect(await moveProjectStatus(db, id, -1)).toBe(true);
    all = await listProjectStatuses(db);
    expect(all.map((s) => s.name).slice(-2)).toEqual(['En licitación', 'En pausa']);
    expect(await moveProjectStatus(db, all[0]!.id, -1)).toBe(false);
    await setProjectStatusActive(db, id, false);
    expect((await listProjectStatuses(db)).find((s) => s.id === id)?.active).toBe(false);
  });
});
