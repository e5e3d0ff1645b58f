/**
 * A process with a validated Local Agenda and a project's field updates, written through the
 * sync protocol as the coordinator's device would have synced them: a public project "en
 * ejecución" with a public update and its chosen photo, and what must stay off the public page —
 * a project not marked public, a private update and a photo that was not chosen.
 */
import { createHash, randomUUID } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import {
  assembleAgenda,
  defaultProjectStatusId,
  formatHlc,
  type Fields,
  type Process,
  type Project,
} from '../../../src/domain';
import { PASSWORD } from '../pages/app.page';

export interface SeededProcess {
  processId: string;
  name: string;
  publicProject: string;
  hiddenProject: string;
  publicUpdate: string;
  privateUpdate: string;
  publicPhoto: string;
  privatePhoto: string;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export async function seedPublicProcess(
  request: APIRequestContext,
  stamp: number,
  photos: { shown: Buffer; hidden: Buffer },
): Promise<SeededProcess> {
  const login = await request.post('/api/v1/auth/login', {
    data: { username: 'coordinadora', password: PASSWORD, deviceLabel: 'Carga de la oficina' },
  });
  expect(login.ok()).toBe(true);
  const { token } = (await login.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  for (const bytes of [photos.shown, photos.hidden]) {
    const upload = await request.put(`/api/v1/blobs/${sha(bytes)}`, {
      headers: { ...headers, 'content-type': 'image/jpeg' },
      data: bytes,
    });
    expect(upload.ok()).toBe(true);
  }

  const [processId, projA, projB, version, u1, u2] = Array.from({ length: 6 }, () => randomUUID());
  const name = `Proceso Público ${stamp}`;
  const processFields = { name, unitKeys: ['07-310'], stage: 'follow_up', teamUserIds: [] } as Fields;
  const project = (title: string, over: Fields): Fields => ({
    processId,
    title,
    kind: 'project',
    theme: 'environment',
    problemIds: [],
    visionIds: [],
    managementMode: 'self_managed',
    governmentAreaIds: [],
    term: 'short',
    commitments: [],
    ...over,
  });
  const a = project('Huerto en la barranca', {
    public: true,
    statusId: defaultProjectStatusId('en-ejecucion'),
    progress: 45,
  });
  const b = project('Proyecto interno del equipo', { public: false });
  const content = assembleAgenda(
    {
      process: { id: processId, ...(processFields as unknown as Process) },
      units: [],
      sessions: [],
      problems: [],
      rounds: [],
      ballots: [],
      visions: [],
      projects: [
        { id: projA, ...(a as unknown as Project) },
        { id: projB, ...(b as unknown as Project) },
      ],
      governmentAreas: [],
    },
    { assembledAt: new Date().toISOString() },
  );
  const update = (text: string, over: Fields): Fields => ({
    processId,
    projectId: projA,
    date: '2026-12-01',
    text,
    kind: 'milestone',
    photos: [],
    authorRole: 'facilitator',
    public: true,
    ...over,
  });
  const ref = (bytes: Buffer) => ({ sha256: sha(bytes), mime: 'image/jpeg', width: 3000, height: 2000 });
  const writes: [string, string, Fields][] = [
    ['process', processId, processFields],
    ['project', projA, a],
    ['project', projB, b],
    [
      'agendaVersion',
      version,
      {
        processId,
        number: 1,
        status: 'validated',
        changelog: 'Validada',
        content,
        validationId: randomUUID(),
      },
    ],
    [
      'projectUpdate',
      u1,
      update('Se plantaron los primeros árboles', {
        photos: [ref(photos.shown), ref(photos.hidden)],
        publicPhotos: [sha(photos.shown)],
      }),
    ],
    ['projectUpdate', u2, update('Nota interna de la brigada', { public: false })],
  ];
  const now = Date.now();
  const push = await request.post('/api/v1/sync/push', {
    headers,
    data: {
      clientId: randomUUID(),
      serverEpoch: null,
      mutations: writes.map(([entity, recordId, fields], i) => ({
        id: i + 1,
        entity,
        recordId,
        op: 'put',
        fields,
        hlc: formatHlc({ millis: now, counter: i, node: '00000000000000e2' }),
      })),
    },
  });
  expect(push.ok()).toBe(true);
  const results = ((await push.json()) as { results: { status: string; code?: string }[] }).results;
  expect(results.map((r) => r.code ?? r.status)).toEqual(writes.map(() => 'applied'));
  return {
    processId,
    name,
    publicProject: 'Huerto en la barranca',
    hiddenProject: 'Proyecto interno del equipo',
    publicUpdate: 'Se plantaron los primeros árboles',
    privateUpdate: 'Nota interna de la brigada',
    publicPhoto: sha(photos.shown),
    privatePhoto: sha(photos.hidden),
  };
}
