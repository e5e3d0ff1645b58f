/**
 * The follow-up through the real server, on SQLite and PostgreSQL
 * (docs/authorization.md): a project's timeline entries are written and read
 * like the project — by the process's team and the coordinators in scope,
 * no one else — and point only at a project of their own process; project
 * statuses are reference data every device pulls and only administrators
 * and borough-wide coordinators edit; the shipped statuses are added once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GOVERNMENT_AREAS,
  DEFAULT_PROJECT_STATUSES,
  defaultProjectStatusId,
  type Fields,
} from '../../src/domain';
import { availableBackends, type TestServer } from './harness';
import { hlc, newId, put } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();
const WORKS = DEFAULT_GOVERNMENT_AREAS.find((a) => a.shortName === 'Obras')!;
const IN_PROGRESS = defaultProjectStatusId('en-ejecucion');
const SHA = 'c'.repeat(64);

describe.each(backends)('project follow-up on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  const project1 = newId();
  const project2 = newId();
  const update1 = newId();

  const projectFields = (processId: string, over: Fields = {}): Fields => ({
    processId,
    title: 'Banquetas accesibles',
    kind: 'project',
    theme: 'mobility',
    problemIds: [],
    visionIds: [],
    managementMode: 'co_managed',
    governmentAreaIds: [WORKS.id],
    term: 'short',
    commitments: [
      {
        id: 'c1',
        who: { kind: 'government_area', governmentAreaId: WORKS.id },
        what: 'Obra',
        dueDate: '2026-01-15',
      },
    ],
    ...over,
  });
  const updateFields = (processId: string, projectId: string, over: Fields = {}): Fields => ({
    processId,
    projectId,
    date: '2026-12-01',
    text: 'Se trazó la banqueta',
    kind: 'milestone',
    photos: [{ sha256: SHA, mime: 'image/jpeg' }],
    authorRole: 'facilitator',
    public: true,
    publicPhotos: [SHA],
    ...over,
  });

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
    expect(await server.app.services.ensureDefaultGovernmentAreas()).toBe(DEFAULT_GOVERNMENT_AREAS.length);
    expect(await server.app.services.ensureDefaultProjectStatuses()).toBe(DEFAULT_PROJECT_STATUSES.length);
    const setUp = await b.push(b.fac1, [put(1, 'project', project1, projectFields(b.p1), hlc(100))]);
    expect(outcomes(setUp)).toEqual(['applied']);
    const other = await b.push(b.fac2, [put(1, 'project', project2, projectFields(b.p2), hlc(101))]);
    expect(outcomes(other)).toEqual(['applied']);
  });
  afterAll(() => server.close());

  it('the team records updates, status and commitments done; the process’s readers see them, others not', async () => {
    const res = await b.push(b.prom1, [
      put(1, 'projectUpdate', update1, updateFields(b.p1, project1), hlc(200)),
      put(
        2,
        'projectUpdate',
        newId(),
        updateFields(b.p1, project1, { kind: 'status_change', statusId: IN_PROGRESS, progress: 50 }),
        hlc(201),
      ),
      put(3, 'project', project1, { statusId: IN_PROGRESS, progress: 50 }, hlc(202)),
    ]);
    expect(outcomes(res)).toEqual(['applied', 'applied', 'applied']);
    const byDirCoord = await b.push(b.dirCoord, [
      put(
        1,
        'projectUpdate',
        newId(),
        updateFields(b.p1, project1, {
          kind: 'commitment_done',
          commitmentId: 'c1',
          authorRole: 'coordinator',
        }),
        hlc(203),
      ),
    ]);
    expect(outcomes(byDirCoord)).toEqual(['applied']);
    expect((await b.pullAll(b.fac1)).map((c) => c.id)).toContain(update1);
    expect((await b.pullAll(b.fac2)).map((c) => c.id)).not.toContain(update1);
  });

  it('refuses updates to a facilitator or promoter outside the process and to a coordinator of another directorate', async () => {
    const intoP1 = [
      put(1, 'projectUpdate', newId(), updateFields(b.p1, project1), hlc(210)),
      put(2, 'projectUpdate', update1, { text: 'Tomado' }, hlc(211)),
    ];
    expect(outcomes(await b.push(b.fac2, intoP1))).toEqual(['forbidden', 'forbidden']);
    // The promoter of process 1 into process 2.
    const byPromoter = await b.push(b.prom1, [
      put(1, 'projectUpdate', newId(), updateFields(b.p2, project2, { authorRole: 'promoter' }), hlc(212)),
    ]);
    expect(outcomes(byPromoter)).toEqual(['forbidden']);
    const byDirCoord = await b.push(b.dirCoord, [
      put(1, 'projectUpdate', newId(), updateFields(b.p2, project2, { authorRole: 'coordinator' }), hlc(213)),
    ]);
    expect(outcomes(byDirCoord)).toEqual(['forbidden']);
    const untouched = (await b.pullAll(b.admin)).find((c) => c.id === update1);
    expect(untouched?.fields.text).toBe('Se trazó la banqueta');
  });

  it('keeps an update in its project’s process and refuses moving it', async () => {
    // Process 1's team naming process 2's project.
    const foreign = await b.push(b.fac1, [
      put(1, 'projectUpdate', newId(), updateFields(b.p1, project2), hlc(220)),
      put(2, 'projectUpdate', update1, { processId: b.p2 }, hlc(221)),
    ]);
    expect(outcomes(foreign)).toEqual(['forbidden', 'forbidden']);
  });

  it('statuses reach every device; only administrators and borough-wide coordinators edit them', async () => {
    const statuses = (await b.pullAll(b.prom1)).filter((c) => c.entity === 'projectStatus');
    expect(statuses.map((s) => s.fields.name)).toEqual(
      expect.arrayContaining(DEFAULT_PROJECT_STATUSES.map((s) => s.name)),
    );
    const newStatus = {
      name: 'En licitación',
      meaning: 'in_management',
      defaultProgress: 20,
      requiresReason: false,
      order: 3,
      active: true,
    };
    for (const user of [b.fac1, b.prom1, b.dirCoord]) {
      const res = await b.push(user, [
        put(1, 'projectStatus', IN_PROGRESS, { name: 'Avanzando' }, hlc(230)),
        put(2, 'projectStatus', newId(), newStatus, hlc(231)),
      ]);
      expect(outcomes(res)).toEqual(['forbidden', 'forbidden']);
    }
    const coordinator = await server.createUser({ username: 'coord-borough', role: 'coordinator' });
    const byCoordinator = await b.push(coordinator, [
      put(1, 'projectStatus', IN_PROGRESS, { name: 'En obra', order: 4 }, hlc(232)),
      put(2, 'projectStatus', newId(), newStatus, hlc(233)),
    ]);
    expect(outcomes(byCoordinator)).toEqual(['applied', 'applied']);
    // The coordinator's rename survives a restart's defaults.
    expect(await server.app.services.ensureDefaultProjectStatuses()).toBe(0);
    const renamed = (await b.pullAll(b.fac1)).find((c) => c.id === IN_PROGRESS);
    expect(renamed?.fields.name).toBe('En obra');
  });
});
