/**
 * The assembly's records through the real server, on both backends:
 * problems, rounds, append-only ballots and rubric scores travel from one
 * team member's tablet to another's; append-only records cannot be changed
 * or deleted (a re-sent identical record is harmless); scope keeps other
 * processes' ballots away; rubric templates are reference data that only
 * coordinators write, seeded once with the shipped defaults.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC_TEMPLATES, type Fields } from '../../src/domain';
import { availableBackends, type Json, type TestServer, type TestUser } from './harness';
import { del, hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

type Change = { entity: string; id: string; deleted: boolean; fields: Fields; hlcs: Record<string, string> };

describe.each(backends)('assembly records on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let coordinator: TestUser;
  let rosa: TestUser; // on the team, tablet 1
  let luis: TestUser; // on the team, tablet 2
  let otro: TestUser; // a facilitator of another process
  const processId = newId();
  const otherProcess = newId();
  const sessionId = newId();
  const problemA = newId();
  const problemB = newId();
  const roundId = newId();
  const ballot1 = newId();
  const ballot2 = newId();
  const scoreId = newId();
  const templateId = DEFAULT_RUBRIC_TEMPLATES[0]!.id;
  const counters = new Map<string, number>();
  let epoch: string | null = null;

  /** Pushes from one device (its own client id), numbering the mutations in order. */
  async function push(
    user: TestUser,
    device: string,
    build: (next: () => number) => ReturnType<typeof put>[],
  ) {
    let n = counters.get(device) ?? 0;
    const mutations = build(() => ++n);
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: user.token,
      body: pushBody(device, mutations, epoch),
    });
    expect(res.status).toBe(200);
    counters.set(device, n);
    epoch = res.body.serverEpoch;
    return res.body.results as { id: number; status: string; code?: string }[];
  }
  const outcome = (results: { status: string; code?: string }[]) => results.map((r) => r.code ?? r.status);

  async function pullAll(user: TestUser, from = ''): Promise<{ changes: Change[]; cursor: string }> {
    const changes: Change[] = [];
    let cursor = from;
    for (;;) {
      const res: { status: number; body: Json } = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        { token: user.token },
      );
      expect(res.status).toBe(200);
      changes.push(...res.body.changes);
      cursor = res.body.cursor;
      if (!res.body.hasMore) return { changes, cursor };
    }
  }
  const find = (changes: Change[], id: string) => changes.find((c) => c.id === id);
  const commitSeq = async () =>
    Number(
      (await server.db.db.selectFrom('commit_sequence').select('value').executeTakeFirstOrThrow()).value,
    );

  const tablet1 = newId();
  const tablet2 = newId();
  const problemFields = (title: string): Fields => ({
    processId,
    title,
    theme: 'water',
    causes: ['Tubería vieja'],
  });
  const roundFields = (): Fields => ({
    processId,
    sessionId,
    title: 'Priorización de problemas',
    options: [
      { problemId: problemA, title: 'Fugas de agua' },
      { problemId: problemB, title: 'Falta de alumbrado' },
    ],
    method: 'dots',
    dotsPerPerson: 2,
    allowStacking: false,
    status: 'open',
    openedAt: '2026-11-20T18:00:00.000Z',
  });
  const ballotFields = (dots: Record<string, number>, castAt = '2026-11-20T18:05:00.000Z'): Fields => ({
    processId,
    roundId,
    kind: 'vote',
    castAt,
    dots,
  });
  const scoreFields = (): Fields => ({
    processId,
    templateId,
    templateVersion: 1,
    target: 'session',
    sessionId,
    levels: { convocatoria: 3, participacion: 2, acuerdos: 4, deliberacion: 3 },
    scoredAt: '2026-11-20T20:00:00.000Z',
    scoredBy: 'rosa',
  });

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    coordinator = await server.createUser({ username: 'coord', role: 'coordinator' });
    rosa = await server.createUser({ username: 'rosa', role: 'facilitator' });
    luis = await server.createUser({ username: 'luis', role: 'facilitator' });
    otro = await server.createUser({ username: 'otro', role: 'facilitator' });
    const results = await push(admin, newId(), (next) => [
      put(next(), 'process', processId, processFields({ teamUserIds: [rosa.id, luis.id] }), hlc(0)),
      put(
        next(),
        'process',
        otherProcess,
        processFields({ name: 'Otro proceso', teamUserIds: [otro.id] }),
        hlc(0),
      ),
      put(next(), 'session', sessionId, sessionFields(processId), hlc(1)),
    ]);
    expect(outcome(results)).toEqual(['applied', 'applied', 'applied']);
  });
  afterAll(() => server.close());

  it('a team member pushes problems, a round, ballots and a rubric score; another tablet pulls them', async () => {
    // The default templates are reference data the score names.
    await server.app.services.ensureDefaultRubrics();
    const results = await push(rosa, tablet1, (next) => [
      put(next(), 'problem', problemA, problemFields('Fugas de agua'), hlc(10)),
      put(next(), 'problem', problemB, problemFields('Falta de alumbrado'), hlc(11)),
      put(next(), 'round', roundId, roundFields(), hlc(12)),
      put(next(), 'ballot', ballot1, ballotFields({ [problemA]: 1, [problemB]: 1 }), hlc(13)),
      put(next(), 'ballot', ballot2, ballotFields({ [problemA]: 1 }), hlc(14)),
      put(next(), 'rubricScore', scoreId, scoreFields(), hlc(15)),
    ]);
    expect(outcome(results)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);

    const { changes } = await pullAll(luis);
    expect(find(changes, problemA)).toMatchObject({
      entity: 'problem',
      fields: problemFields('Fugas de agua'),
    });
    expect(find(changes, roundId)).toMatchObject({ entity: 'round', fields: roundFields() });
    expect(find(changes, ballot1)).toMatchObject({
      entity: 'ballot',
      deleted: false,
      fields: ballotFields({ [problemA]: 1, [problemB]: 1 }),
      hlcs: { dots: hlc(13), kind: hlc(13) },
    });
    expect(find(changes, ballot2)?.fields).toEqual(ballotFields({ [problemA]: 1 }));
    expect(find(changes, scoreId)).toMatchObject({ entity: 'rubricScore', fields: scoreFields() });

    // A correction and an annulment are new records, from the second tablet.
    const correction = newId();
    const annulment = newId();
    const more = await push(luis, tablet2, (next) => [
      put(next(), 'ballot', correction, { ...ballotFields({ [problemB]: 2 }), supersedes: ballot2 }, hlc(20)),
      put(
        next(),
        'ballot',
        annulment,
        {
          processId,
          roundId,
          kind: 'annulment',
          castAt: '2026-11-20T18:10:00.000Z',
          supersedes: ballot1,
          reason: 'Votó dos veces',
        },
        hlc(21),
      ),
    ]);
    // A correction with two dots on one problem is still stored: the tally judges it, the server keeps it.
    expect(outcome(more)).toEqual(['applied', 'applied']);
    const ids = (await pullAll(rosa)).changes.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([correction, annulment]));
  });

  it('rejects a put that changes a ballot or a rubric score, and a delete of a ballot, as append_only', async () => {
    const before = await pullAll(admin);
    const results = await push(rosa, tablet1, (next) => [
      put(next(), 'ballot', ballot1, { dots: { [problemA]: 2 } }, hlc(30)),
      put(next(), 'rubricScore', scoreId, { levels: { convocatoria: 4 } }, hlc(31)),
      put(next(), 'rubricScore', scoreId, { comment: 'Añadido después' }, hlc(32)),
      del(next(), 'ballot', ballot2, hlc(33)),
    ]);
    expect(outcome(results)).toEqual(['append_only', 'append_only', 'append_only', 'append_only']);
    // Nothing changed: no new change to pull, and the stored records are as they were.
    const after = await pullAll(admin, before.cursor);
    expect(after.changes).toEqual([]);
    const stored = (await pullAll(admin)).changes;
    expect(find(stored, ballot1)).toEqual(find(before.changes, ballot1));
    expect(find(stored, ballot2)).toMatchObject({ deleted: false, fields: ballotFields({ [problemA]: 1 }) });
    expect(find(stored, scoreId)).toEqual(find(before.changes, scoreId));

    // The rejections are kept for review, with their code.
    const review = await server.request('GET', '/api/v1/sync/rejections', { token: coordinator.token });
    const codes = (review.body.rejections as { clientId: string; code: string; recordId: string }[])
      .filter((r) => r.clientId === tablet1)
      .map((r) => `${r.recordId === scoreId ? 'score' : 'ballot'}:${r.code}`);
    expect(codes.sort()).toEqual([
      'ballot:append_only',
      'ballot:append_only',
      'score:append_only',
      'score:append_only',
    ]);
  });

  it('a round, not append-only, can be closed by an edit', async () => {
    const results = await push(rosa, tablet1, (next) => [
      put(next(), 'round', roundId, { status: 'closed', closedAt: '2026-11-20T18:30:00.000Z' }, hlc(40)),
    ]);
    expect(outcome(results)).toEqual(['applied']);
    expect(find((await pullAll(luis)).changes, roundId)?.fields.status).toBe('closed');
  });

  it('a round that puts an Agenda version to the assembly travels with its version', async () => {
    const agendaRoundId = newId();
    const fields: Fields = {
      ...roundFields(),
      title: 'Validación de la Agenda Local, versión 1',
      options: ['A favor', 'En contra', 'Abstención'].map((title) => ({ problemId: newId(), title })),
      dotsPerPerson: 1,
      agendaVersionId: newId(),
    };
    const results = await push(rosa, tablet1, (next) => [
      put(next(), 'round', agendaRoundId, fields, hlc(41)),
    ]);
    expect(outcome(results)).toEqual(['applied']);
    expect(find((await pullAll(luis)).changes, agendaRoundId)?.fields).toMatchObject({
      agendaVersionId: fields.agendaVersionId,
    });
  });

  it('keeps other processes’ ballots away from a facilitator who is not on the team', async () => {
    const results = await push(otro, newId(), (next) => [
      put(next(), 'ballot', newId(), ballotFields({ [problemA]: 1 }), hlc(50)),
      put(next(), 'rubricScore', newId(), scoreFields(), hlc(51)),
      put(next(), 'problem', newId(), problemFields('Intruso'), hlc(52)),
    ]);
    expect(outcome(results)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const seen = (await pullAll(otro)).changes;
    expect(seen.filter((c) => ['ballot', 'rubricScore', 'problem', 'round'].includes(c.entity))).toEqual([]);
    expect(seen.some((c) => c.id === ballot1 || c.id === roundId)).toBe(false);
    // Their own process does reach them.
    expect(seen.some((c) => c.id === otherProcess)).toBe(true);
  });

  it('lets only coordinators and admins write rubric templates', async () => {
    const { id: _id, ...fields } = DEFAULT_RUBRIC_TEMPLATES[1]!;
    const newTemplate = newId();
    const byFacilitator = await push(rosa, tablet1, (next) => [
      put(next(), 'rubricTemplate', newTemplate, { ...fields, family: newId() }, hlc(60)),
      put(next(), 'rubricTemplate', templateId, { name: 'Renombrada por una facilitadora' }, hlc(61)),
    ]);
    expect(outcome(byFacilitator)).toEqual(['forbidden', 'forbidden']);
    const byCoordinator = await push(coordinator, newId(), (next) => [
      put(next(), 'rubricTemplate', newTemplate, { ...fields, family: newId() }, hlc(62)),
    ]);
    expect(outcome(byCoordinator)).toEqual(['applied']);
    expect(find((await pullAll(rosa)).changes, newTemplate)?.entity).toBe('rubricTemplate');
  });

  it('seeds the default templates once; a coordinator’s edit survives; facilitators pull them', async () => {
    // The first test already seeded them: every default is there, and seeding again adds none.
    const before = await pullAll(admin);
    const seq = await commitSeq();
    expect(await server.app.services.ensureDefaultRubrics()).toBe(0);
    expect((await pullAll(admin, before.cursor)).changes).toEqual([]);
    expect(await commitSeq()).toBe(seq);

    // A coordinator renames one (and retires another); seeding again leaves both edits.
    const retired = DEFAULT_RUBRIC_TEMPLATES[4]!.id;
    const edit = await push(coordinator, newId(), (next) => [
      put(next(), 'rubricTemplate', templateId, { name: 'Asamblea comunitaria (2027)' }, hlc(70)),
      put(next(), 'rubricTemplate', retired, { active: false }, hlc(71)),
    ]);
    expect(outcome(edit)).toEqual(['applied', 'applied']);
    expect(await server.app.services.ensureDefaultRubrics()).toBe(0);

    const pulled = (await pullAll(luis)).changes.filter((c) => c.entity === 'rubricTemplate');
    for (const t of DEFAULT_RUBRIC_TEMPLATES) expect(pulled.map((c) => c.id)).toContain(t.id);
    expect(find(pulled, templateId)?.fields.name).toBe('Asamblea comunitaria (2027)');
    expect(find(pulled, retired)?.fields.active).toBe(false);
    // Everything else is as shipped.
    const { id: _id, ...shipped } = DEFAULT_RUBRIC_TEMPLATES[2]!;
    expect(find(pulled, DEFAULT_RUBRIC_TEMPLATES[2]!.id)?.fields).toEqual(shipped);
    // Even a user who is on no team receives reference data.
    const promoter = await server.createUser({ username: 'prom', role: 'promoter' });
    const forPromoter = (await pullAll(promoter)).changes;
    expect(forPromoter.filter((c) => c.entity === 'rubricTemplate')).toHaveLength(6);
    expect(forPromoter.some((c) => c.entity === 'ballot')).toBe(false);
  });

  it('applies an identical ballot sent again after a new epoch, without a change', async () => {
    const seq = await commitSeq();
    await server.restart({ newEpoch: true });
    epoch = null;
    // The tablet re-sends everything it holds with the original stamps, from a fresh client id.
    const results = await push(rosa, newId(), (next) => [
      put(next(), 'ballot', ballot1, ballotFields({ [problemA]: 1, [problemB]: 1 }), hlc(13)),
      put(next(), 'rubricScore', scoreId, scoreFields(), hlc(15)),
      put(next(), 'round', roundId, roundFields(), hlc(12)),
    ]);
    expect(outcome(results)).toEqual(['applied', 'applied', 'applied']);
    // Nothing was committed, and the records are as they were.
    expect(await commitSeq()).toBe(seq);
    const { changes } = await pullAll(admin);
    expect(find(changes, ballot1)).toMatchObject({
      fields: ballotFields({ [problemA]: 1, [problemB]: 1 }),
      hlcs: { dots: hlc(13) },
    });
    expect(find(changes, roundId)?.fields).toMatchObject({ status: 'closed' });

    // Sent again with a newer stamp, the same content is a change, and refused.
    const restamped = await push(rosa, newId(), (next) => [
      put(next(), 'ballot', ballot1, ballotFields({ [problemA]: 1, [problemB]: 1 }), hlc(90)),
    ]);
    expect(outcome(restamped)).toEqual(['append_only']);
  });

  it('lists ballot, rubricScore, trackChunk and agendaValidation as append-only in the schema', async () => {
    const res = await server.request('GET', '/api/v1/schema', { token: rosa.token });
    expect(res.status).toBe(200);
    expect(res.body.appendOnly.sort()).toEqual(['agendaValidation', 'ballot', 'rubricScore', 'trackChunk']);
    expect(res.body.reference).toEqual(expect.arrayContaining(['rubricTemplate']));
    expect(res.body.entities.ballot).toMatchObject({ appendOnly: true });
    expect(res.body.entities.round).toMatchObject({ appendOnly: false });
  });
});

describe.each(backends)('default rubric templates on a new server ($name)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  it('adds the five templates once, and a second call takes no new commit sequence', async () => {
    const admin = await server.createUser({ username: 'admin', role: 'admin' });
    const empty = await server.request('GET', '/api/v1/sync/pull', { token: admin.token });
    expect(empty.body.changes).toEqual([]);

    expect(await server.app.services.ensureDefaultRubrics()).toBe(5);
    const first = await server.request('GET', '/api/v1/sync/pull?limit=1000', { token: admin.token });
    const templates = first.body.changes as Change[];
    expect(templates.map((c) => c.id).sort()).toEqual(DEFAULT_RUBRIC_TEMPLATES.map((t) => t.id).sort());
    // Stamped with the oldest clock, so any edit by the Unit wins over them.
    expect(Object.values(templates[0]!.hlcs).every((h) => h.startsWith('2000-01-01T00:00:00.000Z'))).toBe(
      true,
    );

    expect(await server.app.services.ensureDefaultRubrics()).toBe(0);
    const again = await server.request('GET', `/api/v1/sync/pull?cursor=${first.body.cursor}`, {
      token: admin.token,
    });
    expect(again.body.changes).toEqual([]);
    const commitSeq = async () =>
      Number(
        (await server.db.db.selectFrom('commit_sequence').select('value').executeTakeFirstOrThrow()).value,
      );
    expect(await commitSeq()).toBe(5);

    // A device's first write takes the next value: the seeding left no gap and no reuse.
    const facilitator = await server.createUser({ username: 'fac', role: 'facilitator' });
    const pushed = await server.request('POST', '/api/v1/sync/push', {
      token: facilitator.token,
      body: pushBody(newId(), [
        put(1, 'process', newId(), processFields({ teamUserIds: [facilitator.id] }), hlc(1)),
      ]),
    });
    expect(pushed.body.results).toEqual([{ id: 1, status: 'applied' }]);
    expect(await commitSeq()).toBe(6);
  });
});
