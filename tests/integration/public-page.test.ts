/**
 * The public page of a process through the real server, on SQLite and
 * PostgreSQL (ADR 0008, docs/authorization.md): only a coordinator in scope
 * or a facilitator of the team publishes; the page, fetched with no account,
 * shows the published process's public records only — nothing of another
 * process, no names of people — and only its chosen photos; unpublishing
 * takes it away at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assembleAgenda,
  defaultProjectStatusId,
  emptyAttendance,
  type Fields,
  type Process,
  type Project,
} from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, put } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const IN_PROGRESS = defaultProjectStatusId('en-ejecucion');

/** Words that must never reach the page of process 1. */
const SECRETS = {
  otherProcess: ['Proceso D2', 'Cisternas del otro barrio', 'Avance del otro barrio'],
  people: [
    'Rosa Pérez Responsable',
    'Ana López',
    'Juana Integrante',
    'fac1',
    'prom1',
    'coord-d1',
    'Coordinación D1',
  ],
  unpublished: ['Proyecto sin publicar', 'Avance interno sin publicar', 'Avance de un proyecto oculto'],
};

describe.each(backends)('the public page on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  let seq = 100;
  const [projA, projB, projOther, version1, version2, u1, u2, u3, uOther] = Array.from({ length: 9 }, newId);
  const publicPhoto = randomBytes(2_000);
  const privatePhoto = randomBytes(2_100);
  const otherPhoto = randomBytes(2_200);
  const ref = (bytes: Buffer) => ({ sha256: sha(bytes), mime: 'image/jpeg', width: 40, height: 30 });

  const write = async (user: TestUser, entity: string, id: string, fields: Fields) =>
    outcomes(await b.push(user, [put(1, entity, id, fields, hlc(++seq))]));
  const page = (processId: string, headers: Record<string, string> = {}) =>
    server.request('GET', `/publico/${processId}`, { headers });
  const photo = (processId: string, bytes: Buffer | string) =>
    server.request('GET', `/publico/${processId}/fotos/${typeof bytes === 'string' ? bytes : sha(bytes)}`);

  const projectFields = (processId: string, title: string, over: Fields = {}): Fields => ({
    processId,
    title,
    kind: 'project',
    theme: 'water',
    problemIds: [],
    visionIds: [],
    managementMode: 'self_managed',
    governmentAreaIds: [],
    term: 'short',
    commitments: [
      {
        id: 'c1',
        who: { kind: 'resident_group', name: 'Vecinas de la cerrada' },
        what: 'Organizar la faena',
        dueDate: '2027-01-10',
      },
    ],
    ...over,
  });
  const updateFields = (processId: string, projectId: string, text: string, over: Fields = {}): Fields => ({
    processId,
    projectId,
    date: '2026-12-01',
    text,
    kind: 'milestone',
    photos: [],
    authorRole: 'facilitator',
    public: true,
    ...over,
  });
  /** A validated Agenda version of `processId` holding `projects` (as a tablet would assemble it). */
  const versionFields = (processId: string, name: string, projects: [string, Fields][]): Fields => {
    const process = {
      id: processId,
      ...(processFields({
        name,
        unitKeys: ['07-001'],
        collective: {
          memberCount: 3,
          members: [{ id: 'm1', name: 'Juana Integrante', consentDate: '2026-11-01' }],
        },
      }) as Process),
    };
    const content = assembleAgenda(
      {
        process,
        units: [],
        sessions: [],
        problems: [],
        rounds: [],
        ballots: [],
        visions: [],
        projects: projects.map(([id, fields]) => ({ id, ...(fields as unknown as Project) })),
        governmentAreas: [],
      },
      { assembledAt: '2026-12-01T18:00:00.000Z' },
    );
    return {
      processId,
      number: 1,
      status: 'validated',
      changelog: 'Validada',
      content,
      validationId: newId(),
    };
  };

  beforeAll(async () => {
    server = await backend.start();
    await server.app.services.ensureDefaultProjectStatuses();
    b = await setUpBorough(server);
    for (const [bytes, user] of [
      [publicPhoto, b.fac1],
      [privatePhoto, b.fac1],
      [otherPhoto, b.fac2],
    ] as const) {
      const upload = await server.request('PUT', `/api/v1/blobs/${sha(bytes)}`, {
        token: user.token,
        rawBody: bytes,
        headers: { 'content-type': 'image/jpeg' },
      });
      expect(upload.status).toBe(201);
    }
    const a = projectFields(b.p1, 'Huerto comunitario', {
      public: true,
      statusId: IN_PROGRESS,
      progress: 40,
    });
    const hidden = projectFields(b.p1, 'Proyecto sin publicar', { public: false });
    const other = projectFields(b.p2, 'Cisternas del otro barrio', { public: true });
    const writes: [TestUser, string, string, Fields][] = [
      [
        b.admin,
        'session',
        b.s1,
        {
          processId: b.p1,
          type: 'community_assembly',
          title: 'Asamblea de arranque',
          date: '2026-11-20',
          place: 'Casa de cultura',
          facilitators: ['Ana López'],
          attendance: emptyAttendance(),
          agreements: [
            { id: 'a1', text: 'Limpiar el huerto', responsible: 'Rosa Pérez Responsable', status: 'pending' },
          ],
        },
      ],
      [b.fac1, 'project', projA, a],
      [b.fac1, 'project', projB, hidden],
      [
        b.fac1,
        'agendaVersion',
        version1,
        versionFields(b.p1, 'Proceso D1', [
          [projA, a],
          [projB, hidden],
        ]),
      ],
      [
        b.fac1,
        'projectUpdate',
        u1,
        updateFields(b.p1, projA, 'Se sembraron las primeras hortalizas', {
          photos: [ref(publicPhoto), ref(privatePhoto)],
          publicPhotos: [sha(publicPhoto)],
        }),
      ],
      [
        b.fac1,
        'projectUpdate',
        u2,
        updateFields(b.p1, projA, 'Avance interno sin publicar', { public: false }),
      ],
      [b.fac1, 'projectUpdate', u3, updateFields(b.p1, projB, 'Avance de un proyecto oculto')],
      [b.fac2, 'project', projOther, other],
      [b.fac2, 'agendaVersion', version2, versionFields(b.p2, 'Proceso D2', [[projOther, other]])],
      [
        b.fac2,
        'projectUpdate',
        uOther,
        updateFields(b.p2, projOther, 'Avance del otro barrio', {
          photos: [ref(otherPhoto)],
          publicPhotos: [sha(otherPhoto)],
        }),
      ],
    ];
    for (const [user, entity, id, fields] of writes) {
      expect(await write(user, entity, id, fields), `${entity} ${id}`).toEqual(['applied']);
    }
  });
  afterAll(() => server.close());

  it('an unpublished process has no page and no photos', async () => {
    const res = await page(b.p1);
    expect(res.status).toBe(404);
    expect(String(res.body)).toContain('no está publicada');
    expect((await photo(b.p1, publicPhoto)).status).toBe(404);
    expect((await page(newId())).status).toBe(404);
    expect((await page('not-a-uuid')).status).toBe(404);
  });

  it('a promoter, a facilitator of another team and a coordinator out of scope cannot publish', async () => {
    expect(await write(b.prom1, 'process', b.p1, { published: true })).toEqual(['forbidden']);
    expect(await write(b.fac2, 'process', b.p1, { published: true })).toEqual(['forbidden']);
    expect(await write(b.dirCoord, 'process', b.p2, { published: true })).toEqual(['forbidden']);
    expect((await page(b.p1)).status).toBe(404);
    expect((await page(b.p2)).status).toBe(404);
  });

  it('the facilitator of the team and a coordinator in scope publish', async () => {
    const at = '2026-12-02T18:00:00.000Z';
    expect(await write(b.fac1, 'process', b.p1, { published: true, publishedAt: at })).toEqual(['applied']);
    expect(await write(b.admin, 'process', b.p2, { published: true, publishedAt: at })).toEqual(['applied']);
    expect(await write(b.dirCoord, 'process', b.p1, { publishedAt: '2026-12-02T19:00:00.000Z' })).toEqual([
      'applied',
    ]);
  });

  it('the page, with no account, shows the published public records of its process only', async () => {
    const res = await page(b.p1);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const html = String(res.body);
    expect(html).toContain('Proceso D1');
    expect(html).toContain('Huerto comunitario');
    expect(html).toContain('En ejecución');
    expect(html).toContain('Se sembraron las primeras hortalizas');
    expect(html).toMatch(/role="progressbar" aria-valuenow="40" aria-valuemin="0" aria-valuemax="100"/);
    expect(html).toContain(`/publico/${b.p1}/fotos/${sha(publicPhoto)}`);
    expect(html).not.toContain(sha(privatePhoto));
    expect(html).not.toContain(sha(otherPhoto));
    for (const word of [...SECRETS.otherProcess, ...SECRETS.people, ...SECRETS.unpublished]) {
      expect(html, word).not.toContain(word);
    }
    expect(html).not.toContain(b.p2);
    expect(html).not.toMatch(/<script/i);
    // The other process's page is its own.
    const other = String((await page(b.p2)).body);
    expect(other).toContain('Cisternas del otro barrio');
    expect(other).not.toContain('Huerto comunitario');
  });

  it('the poster’s short address redirects to the page of a published process only', async () => {
    const short = (processId: string) =>
      fetch(`${server.url}/p/${processId.slice(-8)}`, { redirect: 'manual' });
    const res = await short(b.p1);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/publico/${b.p1}`);
    expect((await short(newId())).status).toBe(404);
    expect((await fetch(`${server.url}/p/not-hex!`, { redirect: 'manual' })).status).toBe(404);
    expect((await fetch(`${server.url}/p/${b.p1}`, { redirect: 'manual' })).status).toBe(404);
  });

  it('an unchanged page answers 304 to its ETag, and a change gives a new one', async () => {
    const first = await page(b.p1);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    expect((await page(b.p1, { 'if-none-match': etag })).status).toBe(304);
    expect(await write(b.fac1, 'project', projA, { progress: 60 })).toEqual(['applied']);
    const changed = await page(b.p1, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(String(changed.body)).toContain('aria-valuenow="60"');
  });

  it('serves only the chosen photos of the page', async () => {
    const ok = await photo(b.p1, publicPhoto);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect((await photo(b.p1, privatePhoto)).status).toBe(404);
    // Another published process's photo is not this page's.
    expect((await photo(b.p1, otherPhoto)).status).toBe(404);
    expect((await photo(b.p2, otherPhoto)).status).toBe(200);
    expect((await photo(b.p1, 'a'.repeat(64))).status).toBe(404);
    expect((await photo(b.p1, 'nope')).status).toBe(404);
  });

  it('unpublishing takes the page and its photos away at once', async () => {
    const etag = (await page(b.p1)).headers.get('etag')!;
    expect(await write(b.fac1, 'process', b.p1, { published: false })).toEqual(['applied']);
    expect((await page(b.p1)).status).toBe(404);
    expect((await page(b.p1, { 'if-none-match': etag })).status).toBe(404);
    expect((await photo(b.p1, publicPhoto)).status).toBe(404);
    expect((await fetch(`${server.url}/p/${b.p1.slice(-8)}`, { redirect: 'manual' })).status).toBe(404);
    expect((await page(b.p2)).status).toBe(200);
  });
});
