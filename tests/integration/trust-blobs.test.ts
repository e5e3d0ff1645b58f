/**
 * Photos cannot be reached by naming their hash (docs/authorization.md), on
 * SQLite and PostgreSQL: a record may only attach a stored photo its writer
 * can already read, and HEAD is checked like GET.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, put, sessionFields } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends)('photo access on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  const photo = randomBytes(30_000);
  const name = sha(photo);
  const photos = [{ sha256: name, mime: 'image/jpeg' }];
  const blob = (method: 'GET' | 'HEAD', user: TestUser) =>
    server.request(method, `/api/v1/blobs/${name}`, { token: user.token });

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
    // fac2 photographs an assembly of process 2.
    const upload = await server.request('PUT', `/api/v1/blobs/${name}`, {
      token: b.fac2.token,
      rawBody: photo,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(upload.status).toBe(201);
    const attach = await b.push(b.fac2, [put(1, 'session', b.s2, { photos }, hlc(200))]);
    expect(outcomes(attach)).toEqual(['applied']);
  });
  afterAll(() => server.close());

  it('a record of another process cannot make someone else’s photo readable by naming its hash', async () => {
    const res = await b.push(b.fac1, [
      put(1, 'session', newId(), sessionFields(b.p1, { title: 'Con foto ajena', photos }), hlc(201)),
      put(
        2,
        'tourNote',
        newId(),
        {
          processId: b.p1,
          sessionId: b.s1,
          theme: 'water',
          description: 'Nota con foto ajena',
          severity: 'high',
          takenAt: '2026-11-20T18:00:00.000Z',
          photos,
        },
        hlc(202),
      ),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden']);
    expect((await blob('GET', b.fac1)).status).toBe(403);
  });

  it('HEAD is checked like GET: no size, no existence for someone who may not read it', async () => {
    const denied = await blob('HEAD', b.fac1);
    expect(denied.status).toBe(404);
    expect(denied.headers.get('content-length')).not.toBe(String(photo.length));
    const allowed = await blob('HEAD', b.fac2);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('content-length')).toBe(String(photo.length));
  });

  it('readers of the record may keep it and attach it to another record of the same process', async () => {
    expect((await blob('GET', b.admin)).status).toBe(200);
    const res = await b.push(b.admin, [
      put(1, 'session', b.s2, { title: 'Asamblea con foto', photos }, hlc(203)),
      put(2, 'session', newId(), sessionFields(b.p2, { title: 'Otra con la misma foto', photos }), hlc(204)),
    ]);
    expect(outcomes(res)).toEqual(['applied', 'applied']);
  });

  it('a photo whose upload has not arrived yet can be attached (the upload follows the record)', async () => {
    const pending = sha(randomBytes(1000));
    const res = await b.push(b.fac1, [
      put(
        1,
        'session',
        newId(),
        sessionFields(b.p1, { photos: [{ sha256: pending, mime: 'image/jpeg' }] }),
        hlc(205),
      ),
    ]);
    expect(outcomes(res)).toEqual(['applied']);
  });
});
