/**
 * Trust boundaries, as an attacker holding an ordinary account would try them
 * (docs/authorization.md): each test is one attack from the security review,
 * on SQLite and PostgreSQL, named after what the server now refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAttendance, unitIdFromKey } from '../../src/domain';
import { availableBackends, type Json, type TestServer } from './harness';
import { hlc, newId, put, sessionFields } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();

describe.each(backends)('trust boundaries on $name', (backend) => {
  let server: TestServer;
  let b: Borough;

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
  });
  afterAll(() => server.close());

  it('a directorate coordinator cannot pull another directorate’s unit into theirs, nor reach its processes', async () => {
    const unit2 = unitIdFromKey('07-002');
    const res = await b.push(b.dirCoord, [
      put(1, 'territorialUnit', unit2, { directorateId: b.d1 }, hlc(100)),
      put(2, 'session', newId(), sessionFields(b.p2), hlc(101)),
      put(3, 'process', b.p2, { name: 'Tomado' }, hlc(102)),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden', 'forbidden']);
    const seen = (await b.pullAll(b.dirCoord)).map((c) => c.id);
    expect(seen).toContain(b.p1);
    expect(seen).not.toContain(b.p2);
    expect(seen).not.toContain(b.s2);
    const unit = (await b.pullAll(b.admin)).find((c) => c.id === unit2)!;
    expect(unit.fields.directorateId).toBe(b.d2);
  });

  it('a directorate coordinator cannot import territory nor edit directorates, rubric templates or map packs', async () => {
    const imported = await server.request('POST', '/api/v1/territory/import', {
      token: b.dirCoord.token,
      body: { type: 'FeatureCollection', features: [] },
    });
    expect(imported.status).toBe(403);
    const res = await b.push(b.dirCoord, [
      put(1, 'directorate', b.d1, { name: 'Renombrada' }, hlc(110)),
      put(2, 'directorate', newId(), { name: 'Nueva', number: 14 }, hlc(111)),
      put(3, 'rubricTemplate', b.template.id, { name: 'Rúbrica cambiada' }, hlc(112)),
      put(4, 'territorialUnit', unitIdFromKey('07-001'), { population: 1 }, hlc(113)),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden']);
  });

  it('a directorate coordinator manages the units of their own directorates', async () => {
    const unit1 = unitIdFromKey('07-001');
    const res = await b.push(b.dirCoord, [
      put(1, 'territorialUnit', unit1, { prioritised: true }, hlc(120)),
      // From d1 to d3: both theirs.
      put(2, 'territorialUnit', unit1, { directorateId: b.d3 }, hlc(121)),
      // From d3 to d2: the new one is not.
      put(3, 'territorialUnit', unit1, { directorateId: b.d2 }, hlc(122)),
      put(4, 'territorialUnit', unit1, { directorateId: b.d1 }, hlc(123)),
    ]);
    expect(outcomes(res)).toEqual(['applied', 'applied', 'forbidden', 'applied']);
  });

  it('a promoter on a process team cannot change the team and take the process over', async () => {
    const res = await b.push(b.prom1, [
      put(1, 'process', b.p1, { teamUserIds: [b.prom1.id] }, hlc(130)),
      put(2, 'process', b.p1, { teamUserIds: [b.prom1.id, b.fac1.id, b.fac2.id] }, hlc(131)),
      put(3, 'process', b.p1, { description: 'Editada por el equipo' }, hlc(132)),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden', 'applied']);
    const p1 = (await b.pullAll(b.admin)).find((c) => c.id === b.p1)!;
    expect(p1.fields.teamUserIds).toEqual([b.fac1.id, b.prom1.id]);
    // The coordinator of the directorate may change it.
    const byCoordinator = await b.push(b.dirCoord, [
      put(1, 'process', b.p1, { teamUserIds: [b.fac1.id, b.prom1.id] }, hlc(133)),
    ]);
    expect(outcomes(byCoordinator)).toEqual(['applied']);
  });

  it('a record cannot be moved to another process, even by a member of both', async () => {
    const session = newId();
    const res = await b.push(b.fac1, [
      put(1, 'session', session, sessionFields(b.p1), hlc(140)),
      put(2, 'session', session, { processId: b.p2 }, hlc(141)),
    ]);
    expect(outcomes(res)).toEqual(['applied', 'forbidden']);
  });

  it('a directorate coordinator reads only the rejected changes of the people they coordinate', async () => {
    // fac2 (directorate 2) tries to write into process 1; fac1 (directorate 1) sends an invalid session.
    await b.push(b.fac2, [put(1, 'session', newId(), sessionFields(b.p1), hlc(150))]);
    await b.push(b.fac1, [put(1, 'session', newId(), { processId: b.p1, title: 'x' }, hlc(151))]);
    const other = await server.request('GET', `/api/v1/sync/rejections?userId=${b.fac2.id}`, {
      token: b.dirCoord.token,
    });
    expect(other.status).toBe(403);
    const mine = await server.request('GET', '/api/v1/sync/rejections', { token: b.dirCoord.token });
    expect(mine.status).toBe(200);
    const authors = new Set(mine.body.rejections.map((r: Json) => r.userId));
    expect(authors.has(b.fac1.id)).toBe(true);
    expect(authors.has(b.fac2.id)).toBe(false);
    const all = await server.request('GET', '/api/v1/sync/rejections', { token: b.admin.token });
    expect(new Set(all.body.rejections.map((r: Json) => r.userId)).has(b.fac2.id)).toBe(true);
  });

  it('a directorate coordinator can neither list nor revoke an administrator’s devices', async () => {
    const list = await server.request('GET', `/api/v1/auth/devices?userId=${b.admin.id}`, {
      token: b.dirCoord.token,
    });
    expect(list.status).toBe(403);
    const own = await server.request('GET', '/api/v1/auth/devices', { token: b.admin.token });
    const revoke = await server.request('POST', `/api/v1/auth/devices/${own.body.devices[0].id}/revoke`, {
      token: b.dirCoord.token,
    });
    expect(revoke.status).toBe(403);
    expect((await server.request('GET', '/api/v1/auth/me', { token: b.admin.token })).status).toBe(200);
    // Nor those of a facilitator of another directorate; those of their own people, yes.
    const fac2 = await server.request('GET', `/api/v1/auth/devices?userId=${b.fac2.id}`, {
      token: b.dirCoord.token,
    });
    expect(fac2.status).toBe(403);
    const fac1 = await server.request('GET', `/api/v1/auth/devices?userId=${b.fac1.id}`, {
      token: b.dirCoord.token,
    });
    expect(fac1.status).toBe(200);
  });

  it('a directorate coordinator lists field accounts and their own, not administrators', async () => {
    const res = await server.request('GET', '/api/v1/users', { token: b.dirCoord.token });
    expect(res.status).toBe(200);
    const roles = new Set(res.body.users.map((u: Json) => u.role));
    expect(roles.has('admin')).toBe(false);
    const ids = res.body.users.map((u: Json) => u.id);
    expect(ids).toEqual(expect.arrayContaining([b.dirCoord.id, b.fac1.id, b.fac2.id, b.prom1.id]));
  });

  it('ballots and rubric scores must belong to the process of the round or session they point at', async () => {
    const ballot = {
      processId: b.p1,
      roundId: b.round2,
      kind: 'tally',
      castAt: '2026-11-20T18:05:00.000Z',
      dots: { a: 40 },
      participants: 40,
    };
    const score = {
      processId: b.p1,
      templateId: b.template.id,
      templateVersion: b.template.version,
      target: 'session',
      sessionId: b.s2,
      levels: { convocatoria: 3 },
      scoredAt: '2026-11-20T20:00:00.000Z',
      scoredBy: 'fac1',
    };
    const res = await b.push(b.fac1, [
      put(1, 'ballot', newId(), ballot, hlc(160)),
      put(2, 'rubricScore', newId(), score, hlc(161)),
      put(3, 'rubricScore', newId(), { ...score, sessionId: b.s1 }, hlc(162)),
    ]);
    expect(outcomes(res)).toEqual(['forbidden', 'forbidden', 'applied']);
    const seenByTeam2 = (await b.pullAll(b.fac2)).filter((c) => c.entity === 'ballot');
    expect(seenByTeam2).toEqual([]);
  });

  it('unknown fields are refused, never stored nor sent to anyone in scope', async () => {
    const junk = 'x'.repeat(4 * 1024 * 1024);
    const id = newId();
    const res = await b.push(b.fac1, [
      put(1, 'session', id, { ...sessionFields(b.p1), junk }, hlc(170)),
      put(
        2,
        'session',
        newId(),
        sessionFields(b.p1, { attendance: { ...emptyAttendance(), extra: 1 } }),
        hlc(171),
      ),
      put(3, 'session', newId(), sessionFields(b.p1, { title: 'Asamblea\u0000oculta' }), hlc(172)),
      put(4, 'session', id, sessionFields(b.p1, { notes: 'Línea uno\nLínea dos\tcon tabulador' }), hlc(173)),
    ]);
    expect(outcomes(res)).toEqual(['validation_failed', 'validation_failed', 'validation_failed', 'applied']);
    expect(res.body.results[0].message).toContain('junk');
    expect(res.body.results[1].message).toContain('attendance.extra');
    const stored = (await b.pullAll(b.fac1)).find((c) => c.id === id)!;
    expect(Object.keys(stored.fields)).not.toContain('junk');
    expect(stored.fields.notes).toBe('Línea uno\nLínea dos\tcon tabulador');
  });
});
