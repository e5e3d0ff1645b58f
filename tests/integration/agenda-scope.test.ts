/**
 * Vision, projects, government areas and the Local Agenda through the real
 * server, on SQLite and PostgreSQL (docs/authorization.md, ADR 0006): the
 * process team and coordinators in scope write them, no one else; their
 * references stay in one process and parents never loop; a validated Agenda
 * version changes for no role; validations are append-only; the default
 * government areas are added once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assembleAgenda,
  DEFAULT_GOVERNMENT_AREAS,
  validatedVersionPatch,
  validationStagePatch,
  type AgendaContent,
  type Fields,
  type Process,
  type Project,
  type VisionStatement,
} from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { del, hlc, newId, processFields, put } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();
const WATER_AREA = DEFAULT_GOVERNMENT_AREAS.find((a) => a.shortName === 'Agua')!;

describe.each(backends)('the Local Agenda on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  let coordinator: TestUser; // borough-wide
  const problem1 = newId();
  const vision1 = newId();
  const project1 = newId();
  const action1 = newId();
  const project2 = newId(); // of process 2
  const version1 = newId();
  const validation1 = newId();

  const visionFields = (processId: string, sessionId: string, over: Fields = {}): Fields => ({
    processId,
    sessionId,
    text: 'Un barrio con agua todos los días',
    theme: 'water',
    ...over,
  });
  const projectFields = (processId: string, over: Fields = {}): Fields => ({
    processId,
    title: 'Cisternas comunitarias',
    kind: 'project',
    theme: 'water',
    problemIds: [],
    visionIds: [],
    managementMode: 'co_managed',
    governmentAreaIds: [WATER_AREA.id],
    term: 'medium',
    commitments: [
      {
        id: 'c1',
        who: { kind: 'government_area', governmentAreaId: WATER_AREA.id },
        what: 'Proyecto técnico',
        dueDate: '2027-02-01',
      },
    ],
    ...over,
  });
  /** The document of process 1 as the team would assemble it on a tablet. */
  /** The document of a process as its team would assemble it on a tablet (`ids`: its records). */
  const contentOf = (
    processId: string,
    title = 'Cisternas comunitarias',
    ids = { problem: problem1, vision: vision1, project: project1 },
  ): AgendaContent => {
    const process = {
      id: processId,
      ...(processFields({ name: 'Proceso', unitKeys: ['07-001'] }) as Process),
    };
    const vision = visionFields(processId, b.s1) as unknown as VisionStatement;
    const project = projectFields(processId, { title, problemIds: [ids.problem] }) as unknown as Project;
    return assembleAgenda(
      {
        process,
        units: [],
        sessions: [],
        problems: [{ id: ids.problem, processId, title: 'Fugas de agua', theme: 'water' }],
        rounds: [],
        ballots: [],
        visions: [{ id: ids.vision, ...vision }],
        projects: [{ id: ids.project, ...project }],
        governmentAreas: DEFAULT_GOVERNMENT_AREAS,
      },
      { assembledAt: '2026-12-01T18:00:00.000Z' },
    );
  };
  const p2Records = () => ({ problem: newId(), vision: newId(), project: project2 });
  const versionFields = (processId: string, over: Fields = {}): Fields => ({
    processId,
    number: 1,
    status: 'draft',
    changelog: 'Primera versión',
    content: contentOf(processId),
    ...over,
  });
  const validationFields = (processId: string, agendaVersionId: string, over: Fields = {}): Fields => ({
    processId,
    agendaVersionId,
    sessionId: b.s1,
    method: 'show_of_hands',
    votes: { for: 30, against: 4, abstain: 2 },
    attendance: 40,
    approved: true,
    recordedAt: '2026-12-05T19:00:00.000Z',
    ...over,
  });
  const stored = async (id: string) => (await b.pullAll(b.admin)).find((c) => c.id === id);

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
    coordinator = await server.createUser({ username: 'coord', role: 'coordinator' });
    expect(await server.app.services.ensureDefaultGovernmentAreas()).toBe(DEFAULT_GOVERNMENT_AREAS.length);
  });
  afterAll(() => server.close());

  it('the team of the process records vision, projects and actions, a version and its validation', async () => {
    const res = await b.push(b.fac1, [
      put(1, 'problem', problem1, { processId: b.p1, title: 'Fugas de agua', theme: 'water' }, hlc(200)),
      put(2, 'visionStatement', vision1, visionFields(b.p1, b.s1, { problemIds: [problem1] }), hlc(201)),
      put(
        3,
        'project',
        project1,
        projectFields(b.p1, { problemIds: [problem1], visionIds: [vision1] }),
        hlc(202),
      ),
      put(4, 'agendaVersion', version1, versionFields(b.p1), hlc(203)),
      put(5, 'agendaValidation', validation1, validationFields(b.p1, version1), hlc(204)),
    ]);
    expect(outcomes(res)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied']);
    // A promoter of the team adds an action under the project.
    const byPromoter = await b.push(b.prom1, [
      put(
        1,
        'project',
        action1,
        projectFields(b.p1, { title: 'Taller de captación', kind: 'action', parentId: project1, weight: 2 }),
        hlc(205),
      ),
    ]);
    expect(outcomes(byPromoter)).toEqual(['applied']);
    const seen = (await b.pullAll(b.fac1)).map((c) => c.id);
    expect(seen).toEqual(expect.arrayContaining([vision1, project1, action1, version1, validation1]));
    const other = (await b.pullAll(b.fac2)).map((c) => c.id);
    for (const id of [vision1, project1, action1, version1, validation1]) expect(other).not.toContain(id);
  });

  it('refuses them to a facilitator of another process and to a coordinator of another directorate', async () => {
    const attempts = (processId: string, sessionId: string) => [
      put(1, 'visionStatement', newId(), visionFields(processId, sessionId), hlc(210)),
      put(2, 'project', newId(), projectFields(processId), hlc(211)),
      put(3, 'agendaVersion', newId(), versionFields(processId), hlc(212)),
      put(4, 'agendaValidation', newId(), validationFields(processId, newId(), { sessionId }), hlc(213)),
    ];
    // Facilitator 2 into process 1, with an edit of its project on top.
    const byFacilitator = await b.push(b.fac2, [
      ...attempts(b.p1, b.s1),
      put(5, 'project', project1, { title: 'Tomado' }, hlc(214)),
    ]);
    expect(outcomes(byFacilitator)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
    // The coordinator of directorate 1 into process 2 (directorate 2).
    const byCoordinator = await b.push(b.dirCoord, attempts(b.p2, b.s2));
    expect(outcomes(byCoordinator)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    // The directorate coordinator does write in the processes of their directorate.
    const inScope = await b.push(b.dirCoord, [
      put(1, 'project', project1, { costNote: 'Materiales: unos 120 mil pesos' }, hlc(215)),
    ]);
    expect(outcomes(inScope)).toEqual(['applied']);
    expect((await stored(project1))!.fields.title).toBe('Cisternas comunitarias');
  });

  it('keeps every reference in one process, and refuses a loop of parents', async () => {
    const ownProject2 = await b.push(b.fac2, [put(1, 'project', project2, projectFields(b.p2), hlc(220))]);
    expect(outcomes(ownProject2)).toEqual(['applied']);
    const p2Version = newId();
    expect(
      outcomes(
        await b.push(b.fac2, [
          put(
            1,
            'agendaVersion',
            p2Version,
            versionFields(b.p2, { content: contentOf(b.p2, 'Huertos', p2Records()) }),
            hlc(221),
          ),
        ]),
      ),
    ).toEqual(['applied']);
    // fac1 belongs to process 1 only: every pointer into process 2 is refused.
    const res = await b.push(b.fac1, [
      put(1, 'visionStatement', newId(), visionFields(b.p1, b.s2), hlc(222)),
      put(2, 'project', newId(), projectFields(b.p1, { parentId: project2 }), hlc(223)),
      put(3, 'agendaValidation', newId(), validationFields(b.p1, p2Version), hlc(224)),
      put(
        4,
        'agendaVersion',
        newId(),
        versionFields(b.p1, {
          content: {
            ...contentOf(b.p1),
            projects: contentOf(b.p2, 'Huertos', p2Records()).projects,
          },
        }),
        hlc(225),
      ),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect(res.body.results.map((r: { message: string }) => r.message.split(':')[0])).toEqual([
      'sessionId',
      'parentId',
      'agendaVersionId',
      'content',
    ]);

    // A project under its own action would loop, as would a project under itself.
    const loops = await b.push(b.fac1, [
      put(1, 'project', project1, { parentId: action1 }, hlc(226)),
      put(2, 'project', project1, { parentId: project1 }, hlc(227)),
    ]);
    expect(outcomes(loops)).toEqual(['validation_failed', 'validation_failed']);
    expect(loops.body.results[0].message).toContain('would make a loop');
    expect(loops.body.results[1].message).toContain('cannot point at itself');
    expect((await stored(project1))!.fields.parentId).toBeUndefined();
  });

  it('validates a version in one write with its content, and then no role may change or delete it', async () => {
    const validated = await b.push(b.fac1, [
      put(
        1,
        'agendaVersion',
        version1,
        validatedVersionPatch({ status: 'draft', content: contentOf(b.p1) }, validation1),
        hlc(230),
      ),
    ]);
    expect(outcomes(validated)).toEqual(['applied']);
    const before = await stored(version1);
    expect(before!.fields.status).toBe('validated');

    for (const [n, user] of [b.admin, coordinator, b.dirCoord, b.fac1, b.prom1].entries()) {
      const t = 240 + n * 10;
      const res = await b.push(user, [
        put(1, 'agendaVersion', version1, { changelog: 'Corregida después' }, hlc(t)),
        put(
          2,
          'agendaVersion',
          version1,
          { content: contentOf(b.p1, 'Cisternas (otra redacción)') },
          hlc(t + 1),
        ),
        put(3, 'agendaVersion', version1, { status: 'draft' }, hlc(t + 2)),
        del(4, 'agendaVersion', version1, hlc(t + 3)),
      ]);
      expect(outcomes(res), user.username).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
      expect(res.body.results[0].message).toContain('validated by a Community Assembly');
    }
    expect(await stored(version1)).toEqual(before);

    // The same version sent again (after a restored backup) changes nothing and is not refused.
    const resent = await b.push(b.fac1, [
      {
        id: 1,
        entity: 'agendaVersion',
        recordId: version1,
        op: 'put',
        fields: before!.fields,
        hlc: hlc(1),
        hlcs: before!.hlcs,
      },
    ]);
    expect(outcomes(resent)).toEqual(['applied']);
    // Later edits make a new draft: a new record.
    const draft2 = await b.push(b.fac1, [
      put(
        1,
        'agendaVersion',
        newId(),
        versionFields(b.p1, { number: 2, changelog: 'Se agrega una acción' }),
        hlc(300),
      ),
    ]);
    expect(outcomes(draft2)).toEqual(['applied']);
  });

  it('does not validate a draft whose content changed meanwhile on another tablet, nor one sent without it', async () => {
    const version = newId();
    const validation = newId();
    expect(
      outcomes(
        await b.push(b.fac1, [
          put(1, 'agendaVersion', version, versionFields(b.p1, { number: 3 }), hlc(310)),
          put(2, 'agendaValidation', validation, validationFields(b.p1, version), hlc(311)),
        ]),
      ),
    ).toEqual(['applied', 'applied']);
    // Another tablet re-assembled the draft later than the assembly's tablet validated it, and synced first.
    const edited = await b.push(b.fac1, [
      put(1, 'agendaVersion', version, { content: contentOf(b.p1, 'Cisternas y huertos') }, hlc(330)),
    ]);
    expect(outcomes(edited)).toEqual(['applied']);
    const late = await b.push(b.fac1, [
      put(
        1,
        'agendaVersion',
        version,
        validatedVersionPatch({ status: 'draft', content: contentOf(b.p1) }, validation),
        hlc(320),
      ),
      put(2, 'agendaVersion', version, { status: 'validated', validationId: validation }, hlc(340)),
    ]);
    expect(outcomes(late)).toEqual(['forbidden', 'forbidden']);
    expect(late.body.results[0].message).toContain('content');
    expect((await stored(version))!.fields.status).toBe('draft');
  });

  it('keeps validations append-only: a correction is a new record', async () => {
    const res = await b.push(b.fac1, [
      put(1, 'agendaValidation', validation1, { votes: { for: 31, against: 4, abstain: 2 } }, hlc(400)),
      del(2, 'agendaValidation', validation1, hlc(401)),
      put(
        3,
        'agendaValidation',
        newId(),
        validationFields(b.p1, version1, {
          votes: { for: 31, against: 4, abstain: 1 },
          supersedes: validation1,
          reason: 'Se contó mal',
        }),
        hlc(402),
      ),
      // A result the counts do not give is refused whoever sends it.
      put(
        4,
        'agendaValidation',
        newId(),
        validationFields(b.p1, version1, { votes: { for: 4, against: 4, abstain: 0 } }),
        hlc(403),
      ),
    ]);
    expect(outcomes(res)).toEqual(['append_only', 'append_only', 'applied', 'validation_failed']);
  });

  it('moves the process to stage 9 with the assembly as evidence, seen by a coordinator', async () => {
    const process = (await stored(b.p1))!.fields as Process;
    const patch = validationStagePatch(process, { approved: true, sessionId: b.s1 }, '2026-12-05', [b.s1]);
    const res = await b.push(b.fac1, [put(1, 'process', b.p1, patch as Fields, hlc(500))]);
    expect(outcomes(res)).toEqual(['applied']);
    const seen = (await b.pullAll(coordinator)).find((c) => c.id === b.p1)!;
    expect(seen.fields.stage).toBe('validation');
    expect((seen.fields.stageHistory as Process['stageHistory'])!.at(-1)).toEqual({
      stage: 'validation',
      reachedAt: '2026-12-05',
      sessionIds: [b.s1],
    });
  });

  it('lets only administrators and borough-wide coordinators keep the government areas', async () => {
    const area = DEFAULT_GOVERNMENT_AREAS[1]!.id;
    const refused = [b.dirCoord, b.fac1, b.prom1];
    for (const user of refused) {
      const res = await b.push(user, [
        put(1, 'governmentArea', area, { name: 'Dirección renombrada' }, hlc(600)),
        put(2, 'governmentArea', newId(), { name: 'Área nueva', shortName: 'Nueva', active: true }, hlc(601)),
      ]);
      expect(outcomes(res), user.username).toEqual(['forbidden', 'forbidden']);
    }
    const byCoordinator = await b.push(coordinator, [
      put(1, 'governmentArea', area, { name: 'Dirección General de Bienestar Social' }, hlc(602)),
      put(
        2,
        'governmentArea',
        newId(),
        { name: 'Unidad de Planeación Participativa', shortName: 'Planeación', active: true },
        hlc(603),
      ),
    ]);
    expect(outcomes(byCoordinator)).toEqual(['applied', 'applied']);
    const retired = await b.push(b.admin, [put(1, 'governmentArea', area, { active: false }, hlc(604))]);
    expect(outcomes(retired)).toEqual(['applied']);
    // Reference data: everyone receives it, a promoter on one team too.
    const forPromoter = (await b.pullAll(b.prom1)).filter((c) => c.entity === 'governmentArea');
    expect(forPromoter).toHaveLength(DEFAULT_GOVERNMENT_AREAS.length + 1);
    expect(forPromoter.find((c) => c.id === area)!.fields).toEqual({
      name: 'Dirección General de Bienestar Social',
      shortName: DEFAULT_GOVERNMENT_AREAS[1]!.shortName,
      active: false,
    });
  });

  it('adds the default government areas once: again, and after a restart, nothing changes', async () => {
    const commitSeq = async () =>
      Number(
        (await server.db.db.selectFrom('commit_sequence').select('value').executeTakeFirstOrThrow()).value,
      );
    const before = await b.pullAll(b.admin);
    const seq = await commitSeq();
    expect(await server.app.services.ensureDefaultGovernmentAreas()).toBe(0);
    await server.restart();
    expect(await server.app.services.ensureDefaultGovernmentAreas()).toBe(0);
    expect(await commitSeq()).toBe(seq);
    const after = await b.pullAll(b.admin);
    expect(after).toEqual(before);
    // The coordinator's edit of a default area survived both.
    const edited = after.find((c) => c.id === DEFAULT_GOVERNMENT_AREAS[1]!.id)!;
    expect(edited.fields.name).toBe('Dirección General de Bienestar Social');
    const shipped = after.find((c) => c.id === DEFAULT_GOVERNMENT_AREAS[2]!.id)!;
    const { id: _id, ...fields } = DEFAULT_GOVERNMENT_AREAS[2]!;
    expect(shipped.fields).toEqual(fields);
    expect(Object.values(shipped.hlcs).every((h) => h.startsWith('2000-01-01T00:00:00.000Z'))).toBe(true);
  });
});
