/**
 * The coordinators' review queue on SQLite and PostgreSQL: rejected changes
 * and the delete/edit crossings the server settles are listed in the
 * viewer's scope only; resolving writes the corrected value through the
 * write path (the record changes and devices pull it); dismissing and asking
 * reach the author's notices. Attacks: a facilitator calling the queue, a
 * coordinator of another directorate, malformed ids and bodies.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type Json, type TestServer } from './harness';
import { del, hlc, put, sessionFields } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();

describe.each(backends)('review queue on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  const fac1Client = randomUUID();
  const fac2Client = randomUUID();
  const items: Record<string, string> = {};
  const sDeleted = randomUUID();
  const sCrossed = randomUUID();

  const get = (token: string, path: string) => server.request('GET', `/api/v1/review${path}`, { token });
  const post = (token: string, path: string, body: unknown) =>
    server.request('POST', `/api/v1/review${path}`, { token, body });
  const list = async (token: string, query = '') => {
    const res = await get(token, `/items${query}`);
    expect(res.status).toBe(200);
    return res.body.items as Json[];
  };

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
    // Two sessions of p1 for the crossings.
    expect(
      outcomes(
        await b.push(b.admin, [
          put(1, 'session', sDeleted, sessionFields(b.p1, { title: 'Se borrará' }), hlc(10)),
          put(2, 'session', sCrossed, sessionFields(b.p1, { title: 'Se cruzará' }), hlc(10)),
          del(3, 'session', sDeleted, hlc(20)),
        ]),
      ),
    ).toEqual(['applied', 'applied', 'applied']);
    // fac1: an unknown field (refused), an edit of the deleted session, an edit the delete below misses.
    const res1 = await b.push(
      b.fac1,
      [
        put(1, 'session', b.s1, { title: 'Asamblea', bogus: 1 }, hlc(30, '00000000000000f1')),
        put(2, 'session', sDeleted, { title: 'Notas de la asamblea' }, hlc(15, '00000000000000f1')),
        put(3, 'session', sCrossed, { place: 'Parque' }, hlc(40, '00000000000000f1')),
      ],
      fac1Client,
    );
    expect(outcomes(res1)).toEqual(['validation_failed', 'applied', 'applied']);
    // prom1 deletes the session without knowing fac1's newer edit.
    expect(
      outcomes(await b.push(b.prom1, [del(1, 'session', sCrossed, hlc(35, '00000000000000b1'))])),
    ).toEqual(['applied']);
    // fac2 in p2: refused too, outside directorate 1.
    const res2 = await b.push(
      b.fac2,
      [put(1, 'session', b.s2, { title: '' }, hlc(30, '00000000000000f2'))],
      fac2Client,
    );
    expect(outcomes(res2)).toEqual(['validation_failed']);
    for (const item of await list(b.admin.token)) items[`${item.code}:${item.recordId}`] = item.id;
  });
  afterAll(() => server.close());

  it('lists every rejection and crossing to an administrator, with who, when, device and record', async () => {
    const all = await list(b.admin.token);
    expect(all.map((i) => `${i.kind}:${i.code}`).sort()).toEqual([
      'conflict:deleted_while_edited',
      'conflict:edit_of_deleted',
      'rejection:validation_failed',
      'rejection:validation_failed',
    ]);
    const refused = all.find((i) => i.recordId === b.s1);
    expect(refused).toMatchObject({
      userId: b.fac1.id,
      userName: 'fac1',
      clientId: fac1Client,
      mutationId: 1,
      entity: 'session',
      processId: b.p1,
      recordTitle: 'Asamblea de arranque',
      op: 'put',
      proposed: { title: 'Asamblea', bogus: 1 },
      state: 'open',
    });
    expect(all.find((i) => i.code === 'edit_of_deleted')).toMatchObject({
      recordId: sDeleted,
      userId: b.fac1.id,
      fields: ['title'],
    });
    expect(all.find((i) => i.code === 'deleted_while_edited')).toMatchObject({
      recordId: sCrossed,
      userId: b.prom1.id,
      op: 'delete',
      fields: ['place'],
    });
  });

  it('shows a directorate coordinator only the items of their processes, filtered by state and user', async () => {
    const mine = await list(b.dirCoord.token);
    expect(mine.map((i) => i.processId)).toEqual([b.p1, b.p1, b.p1]);
    expect(mine.some((i) => i.userId === b.fac2.id)).toBe(false);
    expect((await list(b.dirCoord.token, `?userId=${b.prom1.id}`)).map((i) => i.code)).toEqual([
      'deleted_while_edited',
    ]);
    expect(await list(b.dirCoord.token, `?userId=${b.fac2.id}`)).toEqual([]);
    expect(await list(b.dirCoord.token, '?state=dismissed')).toEqual([]);
  });

  it('refuses the queue to facilitators and hides other directorates’ items (404)', async () => {
    const other = items[`validation_failed:${b.s2}`]!;
    const own = items[`validation_failed:${b.s1}`]!;
    expect((await get(b.fac1.token, '/items')).status).toBe(403);
    expect((await get(b.fac1.token, `/items/${own}`)).status).toBe(403);
    expect((await post(b.fac1.token, `/items/${own}/resolve`, { fields: { title: 'Yo' } })).status).toBe(403);
    expect((await post(b.fac1.token, `/items/${own}/dismiss`, { note: 'no' })).status).toBe(403);
    expect((await get(b.dirCoord.token, `/items/${other}`)).status).toBe(404);
    expect(
      (await post(b.dirCoord.token, `/items/${other}/resolve`, { fields: { title: 'Otra' } })).status,
    ).toBe(404);
    expect((await post(b.dirCoord.token, `/items/${other}/dismiss`, { note: 'no' })).status).toBe(404);
    expect((await post(b.dirCoord.token, `/items/${other}/ask`, { message: '¿?' })).status).toBe(404);
    // Nothing changed for the other directorate's item.
    expect((await get(b.admin.token, `/items/${other}`)).body).toMatchObject({ state: 'open', events: [] });
    expect((await get(b.fac2.token, '/notices')).body.notices).toEqual([]);
  });

  it('answers malformed requests with 400 and changes nothing', async () => {
    const own = items[`validation_failed:${b.s1}`]!;
    expect((await get(b.dirCoord.token, '/items/not-an-id')).status).toBe(400);
    expect((await get(b.dirCoord.token, '/items?state=lost')).status).toBe(400);
    expect((await get(b.dirCoord.token, '/items?userId=x')).status).toBe(400);
    expect((await post(b.dirCoord.token, `/items/${own}/resolve`, { fields: {} })).status).toBe(400);
    expect((await post(b.dirCoord.token, `/items/${own}/resolve`, { fields: [1] })).status).toBe(400);
    expect((await post(b.dirCoord.token, `/items/${own}/dismiss`, { note: '  ' })).status).toBe(400);
    expect((await post(b.dirCoord.token, `/items/${own}/ask`, {})).status).toBe(400);
    expect((await get(b.fac1.token, '/notices?since=yesterday')).status).toBe(400);
    expect((await get(b.dirCoord.token, `/items/${own}`)).body.state).toBe('open');
  });

  it('resolves through the write path: a refused value leaves the item open, a good one changes the record', async () => {
    const own = items[`validation_failed:${b.s1}`]!;
    const bad = await post(b.dirCoord.token, `/items/${own}/resolve`, { fields: { title: '' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('review_refused');
    expect((await get(b.dirCoord.token, `/items/${own}`)).body.state).toBe('open');

    const res = await post(b.dirCoord.token, `/items/${own}/resolve`, {
      fields: { title: 'Asamblea corregida' },
      note: 'Quité el campo desconocido',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'resolved',
      current: { deleted: false, fields: { title: 'Asamblea corregida' } },
      events: [{ action: 'resolved', note: 'Quité el campo desconocido', byName: 'Coordinación D1' }],
    });
    const session = (await b.pullAll(b.fac1)).find((c) => c.id === b.s1);
    expect(session?.fields.title).toBe('Asamblea corregida');
    expect(
      (await post(b.dirCoord.token, `/items/${own}/resolve`, { fields: { title: 'Otra vez' } })).status,
    ).toBe(409);
    expect((await list(b.dirCoord.token, '?state=resolved')).map((i) => i.id)).toEqual([own]);
  });

  it('restores a record hidden by a crossing when resolved with deleted: false', async () => {
    const crossing = items[`deleted_while_edited:${sCrossed}`]!;
    const res = await post(b.dirCoord.token, `/items/${crossing}/resolve`, { fields: { deleted: false } });
    expect(res.status).toBe(200);
    expect(res.body.current).toMatchObject({ deleted: false, fields: { place: 'Parque' } });
  });

  it('asks the field and dismisses with a note; the author’s notices say so, nobody else’s', async () => {
    const crossing = items[`edit_of_deleted:${sDeleted}`]!;
    const asked = await post(b.dirCoord.token, `/items/${crossing}/ask`, {
      message: '¿Esta sesión se repitió? La borró la oficina.',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.state).toBe('asked');
    expect(
      (await post(b.dirCoord.token, `/items/${crossing}/dismiss`, { note: 'Era un duplicado' })).body.state,
    ).toBe('dismissed');
    const notices = (await get(b.fac1.token, '/notices')).body.notices as Json[];
    expect(notices.map((n) => n.action)).toEqual(['resolved', 'asked', 'dismissed']);
    expect(notices[1]).toMatchObject({
      note: '¿Esta sesión se repitió? La borró la oficina.',
      byName: 'Coordinación D1',
      code: 'edit_of_deleted',
      entity: 'session',
      recordId: sDeleted,
      recordTitle: 'Notas de la asamblea',
    });
    const later = (await get(b.fac1.token, `/notices?since=${encodeURIComponent(notices[2].at)}`)).body
      .notices;
    expect(later.map((n: Json) => n.id)).toEqual([notices[2].id]);
    expect((await get(b.prom1.token, '/notices')).body.notices.map((n: Json) => n.action)).toEqual([
      'resolved',
    ]);
    expect((await get(b.fac2.token, '/notices')).body.notices).toEqual([]);
  });
});
