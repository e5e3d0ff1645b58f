/**
 * `POST /api/v1/sync/import` on SQLite and PostgreSQL: a coordinator applies a
 * device's "not yet synced" file through the push merge path — idempotently,
 * field by field with the file's hlcs, within scope rules — and nobody else can.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportedRecord, UnsyncedFile } from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();
const NO_BLOBS = { stored: 0, existing: 0, rejected: [] };

function fileOf(records: Record<string, ExportedRecord[]>, overrides: Partial<UnsyncedFile> = {}) {
  return {
    format: 'tequio-unsynced',
    version: 1,
    exportedAt: '2026-11-21T10:00:00.000Z',
    clientId: newId(),
    user: null,
    mutations: [],
    records,
    ...overrides,
  };
}

/** A stored record as the device holds it: every field stamped with `stamp` unless `hlcs` says otherwise. */
function stored(
  id: string,
  fields: Record<string, unknown>,
  stamp: string,
  extra: Partial<ExportedRecord> = {},
): ExportedRecord {
  const hlcs: Record<string, string> = {};
  for (const name of Object.keys(fields)) hlcs[name] = stamp;
  return { id, fields, hlcs, deleted: false, ...extra };
}

/** The account a device's file says was signed in (as the device keeps it). */
function deviceUser(user: TestUser) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.username,
    role: user.role,
    scope: { kind: 'processes' as const },
  };
}

interface Change {
  entity: string;
  id: string;
  deleted: boolean;
  fields: Record<string, unknown>;
  hlcs: Record<string, string>;
}

describe.each(backends)('import of an unsynced-changes file on $name', (backend) => {
  let server: TestServer;
  let coordinator: TestUser;
  let rosa: TestUser;
  let juan: TestUser;
  const rosaProcess = newId();
  const juanProcess = newId();
  const existingSession = newId();

  /** A file exported from Rosa's tablet. */
  const rosaFile = (records: Record<string, ExportedRecord[]>, overrides: Partial<UnsyncedFile> = {}) =>
    fileOf(records, { user: deviceUser(rosa), ...overrides });
  const importFile = (user: TestUser, body: unknown) =>
    server.request('POST', '/api/v1/sync/import', { token: user.token, body });
  const pullAll = async (user: TestUser, cursor?: string) => {
    const res = await server.request(
      'GET',
      `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
      {
        token: user.token,
      },
    );
    expect(res.status).toBe(200);
    return res.body as { cursor: string; changes: Change[] };
  };

  beforeAll(async () => {
    server = await backend.start();
    coordinator = await server.createUser({ username: 'laura', role: 'coordinator' });
    rosa = await server.createUser({ username: 'rosa', role: 'facilitator' });
    juan = await server.createUser({ username: 'juan', role: 'facilitator' });
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: coordinator.token,
      body: pushBody(newId(), [
        put(
          1,
          'process',
          rosaProcess,
          processFields({ name: 'Proceso de Rosa', teamUserIds: [rosa.id] }),
          hlc(0),
        ),
        put(
          2,
          'process',
          juanProcess,
          processFields({ name: 'Proceso de Juan', teamUserIds: [juan.id] }),
          hlc(0),
        ),
        put(
          3,
          'session',
          existingSession,
          sessionFields(rosaProcess, { title: 'Título del servidor' }),
          hlc(50),
        ),
      ]),
    });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });
  afterAll(() => server.close());

  it('applies every record with its own per-field hlcs, and newer server edits keep winning', async () => {
    const newSession = newId();
    const deletedSession = newId();
    // The device edited the place (after the server's edit) and the title (before it).
    const edited = stored(
      existingSession,
      { title: 'Título viejo del dispositivo', place: 'Mercado' },
      hlc(10),
    );
    edited.hlcs.place = hlc(60);
    // Created and then deleted on the device: the tombstone carries its own stamp.
    const tombstone = stored(deletedSession, sessionFields(rosaProcess, { title: 'Borrada' }), hlc(21));
    tombstone.deleted = true;
    tombstone.hlcs.deleted = hlc(22);
    const file = rosaFile({
      session: [
        stored(newSession, sessionFields(rosaProcess, { title: 'Asamblea capturada sin red' }), hlc(20)),
        edited,
        tombstone,
      ],
    });
    const res = await importFile(coordinator, file);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ applied: 3, unchanged: 0, rejected: [], blobs: NO_BLOBS });

    const changes = (await pullAll(coordinator)).changes;
    const byId = new Map(changes.map((c) => [c.id, c]));
    expect(byId.get(newSession)).toMatchObject({
      deleted: false,
      fields: { title: 'Asamblea capturada sin red', processId: rosaProcess },
      hlcs: { title: hlc(20) },
    });
    expect(byId.get(existingSession)).toMatchObject({
      fields: { title: 'Título del servidor', place: 'Mercado' },
      hlcs: { title: hlc(50), place: hlc(60) },
    });
    expect(byId.get(deletedSession)).toMatchObject({ deleted: true, hlcs: { deleted: hlc(22) } });
  });

  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const id = newId();
    const file = rosaFile({
      session: [stored(id, sessionFields(rosaProcess, { title: 'Dos veces' }), hlc(30))],
    });
    expect((await importFile(coordinator, file)).body).toEqual({
      applied: 1,
      unchanged: 0,
      rejected: [],
      blobs: NO_BLOBS,
    });
    const { cursor } = await pullAll(coordinator);

    const again = await importFile(coordinator, file);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ applied: 0, unchanged: 1, rejected: [], blobs: NO_BLOBS });
    // No new commit: nothing is sent again to any device.
    expect((await pullAll(coordinator, cursor)).changes).toEqual([]);
  });

  it('keeps scope: imported records reach only the devices of their process', async () => {
    const forRosa = newId();
    const forJuan = newId();
    const res = await importFile(
      coordinator,
      rosaFile({
        session: [stored(forRosa, sessionFields(rosaProcess, { title: 'Sesión de Rosa' }), hlc(40))],
      }),
    );
    expect(res.body.applied).toBe(1);
    const fromJuan = await importFile(
      coordinator,
      fileOf(
        { session: [stored(forJuan, sessionFields(juanProcess, { title: 'Sesión de Juan' }), hlc(41))] },
        { user: deviceUser(juan) },
      ),
    );
    expect(fromJuan.body.applied).toBe(1);
    const rosaSees = (await pullAll(rosa)).changes.map((c) => c.id);
    const juanSees = (await pullAll(juan)).changes.map((c) => c.id);
    expect(rosaSees).toContain(forRosa);
    expect(rosaSees).not.toContain(forJuan);
    expect(juanSees).toContain(forJuan);
    expect(juanSees).not.toContain(forRosa);
  });

  it('skips and reports the records it cannot apply, and applies the rest', async () => {
    const good = newId();
    const incomplete = newId();
    const res = await importFile(
      coordinator,
      rosaFile({
        session: [
          stored(incomplete, { title: 'Sin proceso ni fecha' }, hlc(70)),
          stored('not-a-uuid', sessionFields(rosaProcess), hlc(70)),
          { id: newId(), fields: { title: 'Sin sellos' }, hlcs: {}, deleted: false },
          stored(good, sessionFields(rosaProcess, { title: 'La buena' }), hlc(71)),
        ],
        unknownEntity: [stored(newId(), { choice: 1 }, hlc(70))],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(1);
    expect(res.body.unchanged).toBe(0);
    const codes = (res.body.rejected as { id: string; entity: string; code: string }[])
      .map((r) => `${r.entity}:${r.code}`)
      .sort();
    expect(codes).toEqual([
      'session:invalid_record',
      'session:invalid_record',
      'session:validation_failed',
      'unknownEntity:unknown_entity',
    ]);
    const ids = (await pullAll(coordinator)).changes.map((c) => c.id);
    expect(ids).toContain(good);
    expect(ids).not.toContain(incomplete);
  });

  it('refuses everyone but coordinators and admins, and changes nothing', async () => {
    const { cursor } = await pullAll(coordinator);
    const file = rosaFile({ session: [stored(newId(), sessionFields(rosaProcess), hlc(80))] });
    for (const user of [rosa, await server.createUser({ username: 'prom', role: 'promoter' })]) {
      const res = await importFile(user, file);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const anonymous = await server.request('POST', '/api/v1/sync/import', { body: file });
    expect(anonymous.status).toBe(401);
    const admin = await server.createUser({ username: 'admin', role: 'admin' });
    expect((await importFile(admin, rosaFile({}))).body).toEqual({
      applied: 0,
      unchanged: 0,
      rejected: [],
      blobs: NO_BLOBS,
    });
    expect((await pullAll(coordinator, cursor)).changes).toEqual([]);
  });

  it('answers malformed files with a 400 and applies nothing', async () => {
    const { cursor } = await pullAll(coordinator);
    const valid = rosaFile({ session: [stored(newId(), sessionFields(rosaProcess), hlc(90))] });
    const cases: [unknown, string][] = [
      [{ ...valid, format: 'something-else' }, 'invalid_request'],
      [{ ...valid, version: 2 }, 'invalid_request'],
      [
        { ...valid, records: { session: [{ id: newId(), fields: {}, hlcs: { title: 'yesterday' } }] } },
        'invalid_request',
      ],
      [{ ...valid, records: 'all of them' }, 'invalid_request'],
      [[valid], 'invalid_request'],
    ];
    for (const [body, code] of cases) {
      const res = await importFile(coordinator, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    const notJson = await server.request('POST', '/api/v1/sync/import', {
      token: coordinator.token,
      rawBody: '{"format": "tequio-unsynced",',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_json');
    const notJsonType = await server.request('POST', '/api/v1/sync/import', {
      token: coordinator.token,
      rawBody: 'format=tequio-unsynced',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(notJsonType.status).toBe(415);
    expect((await pullAll(coordinator, cursor)).changes).toEqual([]);
  });

  it('stores the file’s photos once, checks their hashes, and the session that shows them reaches its team', async () => {
    const photo = Buffer.from(Array.from({ length: 40_000 }, (_, i) => (i * 31) % 256));
    const sha = createHash('sha256').update(photo).digest('hex');
    const audio = Buffer.from('not really audio, but bytes all the same');
    const audioSha = createHash('sha256').update(audio).digest('hex');
    // The audio reached the server before the device lost its way; the photo did not.
    const put = await server.request('PUT', `/api/v1/blobs/${audioSha}`, {
      token: rosa.token,
      rawBody: audio,
      headers: { 'content-type': 'audio/webm' },
    });
    expect(put.status).toBe(201);
    const session = newId();
    const photos = [{ sha256: sha, mime: 'image/jpeg' }];
    const file = rosaFile(
      { session: [stored(session, sessionFields(rosaProcess, { title: 'Con foto', photos }), hlc(110))] },
      {
        blobs: [
          { sha256: sha, mime: 'image/jpeg', base64: photo.toString('base64') },
          { sha256: audioSha, mime: 'audio/webm', base64: audio.toString('base64') },
          { sha256: 'f'.repeat(64), mime: 'image/jpeg', base64: photo.toString('base64') },
          { sha256: sha, mime: 'text/html', base64: photo.toString('base64') },
        ],
      },
    );
    const res = await importFile(coordinator, file);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(1);
    expect(res.body.blobs.stored).toBe(1);
    expect(res.body.blobs.existing).toBe(1);
    expect(res.body.blobs.rejected.map((r: { sha256: string; code: string }) => [r.sha256, r.code])).toEqual([
      ['f'.repeat(64), 'hash_mismatch'],
      [sha, 'unsupported_media_type'],
    ]);
    // Rosa's team sees the session and may download its photo; Juan's does not.
    const got = await server.request('GET', `/api/v1/blobs/${sha}`, { token: rosa.token });
    expect(got.status).toBe(200);
    expect((await server.request('GET', `/api/v1/blobs/${sha}`, { token: juan.token })).status).toBe(403);
    // A second import stores nothing new.
    const again = await importFile(coordinator, file);
    expect(again.body.applied).toBe(0);
    expect(again.body.blobs).toMatchObject({ stored: 0, existing: 2 });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await server.request('GET', '/api/v1/openapi.json', { token: coordinator.token })).body;
    const op = doc.paths['/api/v1/sync/import'].post;
    expect(op.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/UnsyncedFile');
    expect(doc.components.schemas.ImportReport.required).toEqual(
      expect.arrayContaining(['applied', 'unchanged', 'rejected', 'blobs']),
    );
  });

  it('accepts files above the push limit and refuses those above 50 MiB', async () => {
    const id = newId();
    // Photos travel inside the file: well above the 5 MiB push limit is normal here.
    const big = rosaFile(
      { session: [stored(id, sessionFields(rosaProcess, { title: 'Con adjuntos' }), hlc(100))] },
      { mutations: [{ note: 'x'.repeat(6 * 1024 * 1024) }] },
    );
    const res = await importFile(coordinator, big);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(1);

    const huge = rosaFile({}, { mutations: [{ note: 'x'.repeat(50 * 1024 * 1024 + 10) }] });
    const tooBig = await importFile(coordinator, huge);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
  });
});
