/**
 * Clocks and identities that cannot be forged (ADR 0005, docs/authorization.md),
 * on SQLite and PostgreSQL: far-future stamps are re-stamped at receipt, never
 * stored; a clientId belongs to one user; an imported file is applied as its
 * author with the same bound; and stamps poisoned before the bound existed are
 * repaired by `repair-clocks`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, PROTOCOL_LIMITS } from '../../src/domain';
import { availableBackends, type Json, type TestServer } from './harness';
import { del, newId, put, sessionFields } from './server-fixtures';
import { outcomes, setUpBorough, type Borough } from './trust-fixtures';

const backends = await availableBackends();
const run = promisify(execFile);
const NODE = '00000000000000b2';
const FOREVER = '9999-12-31T23:59:59.999Z-ffff-ffffffffffffffff';
const YEAR_2100 = '2100-01-01T00:00:00.000Z-0000-00000000000000c3';
/** A stamp `seconds` from the real present (the bound is relative to the server's time). */
const now = (seconds = 0, node = NODE) =>
  formatHlc({ millis: Date.now() + seconds * 1000, counter: 0, node });
const bound = () => Date.now() + PROTOCOL_LIMITS.maxClockAheadMs;

describe.each(backends)('clocks and identities on $name', (backend) => {
  let server: TestServer;
  let b: Borough;
  const stampsOf = async (id: string) => (await b.pullAll(b.admin)).find((c) => c.id === id)!;

  beforeAll(async () => {
    server = await backend.start();
    b = await setUpBorough(server);
  });
  afterAll(() => server.close());

  it('re-stamps a mutation stamped in year 9999 at receipt, so later edits by others still win', async () => {
    const id = newId();
    const res = await b.push(b.fac1, [
      put(1, 'session', id, sessionFields(b.p1, { title: 'Sellada en el año 9999' }), FOREVER),
    ]);
    expect(res.body.results[0]).toMatchObject({ status: 'applied', code: 'clock_ahead' });
    const restamp = res.body.results[0].hlc as string;
    expect(parseHlc(restamp).millis).toBeLessThanOrEqual(bound());
    const stored = await stampsOf(id);
    expect(stored.fields.title).toBe('Sellada en el año 9999');
    expect(Object.values(stored.hlcs).every((h) => h === restamp)).toBe(true);

    // An administrator's edit a second later changes the record, a delete then a restore work.
    const admin = newId();
    const edit = await b.push(
      b.admin,
      [put(1, 'session', id, { title: 'Corregida por la oficina' }, now(1))],
      admin,
    );
    expect(outcomes(edit)).toEqual(['applied']);
    expect((await stampsOf(id)).fields.title).toBe('Corregida por la oficina');
    await b.push(
      b.admin,
      [del(2, 'session', id, now(2)), put(3, 'session', id, { deleted: false }, now(3))],
      admin,
    );
    const restored = (await b.pullAll(b.fac1)).find((c) => c.id === id) as Json;
    expect(restored.deleted).toBe(false);
  });

  it('re-stamps only the fields stamped too far ahead, and never moves the server clock into the future', async () => {
    const id = newId();
    const fields = sessionFields(b.p1);
    const hlcs: Record<string, string> = {};
    for (const name of Object.keys(fields)) hlcs[name] = now(-60);
    hlcs.title = YEAR_2100;
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: b.fac1.token,
      body: {
        clientId: newId(),
        serverEpoch: null,
        mutations: [{ id: 1, entity: 'session', recordId: id, op: 'put', fields, hlc: YEAR_2100, hlcs }],
      },
    });
    expect(res.body.results[0].code).toBe('clock_ahead');
    const stored = await stampsOf(id);
    expect(stored.hlcs.title).toBe(res.body.results[0].hlc);
    expect(stored.hlcs.place).toBe(hlcs.place);
    // The next server stamp (a territory import, a map pack…) is a present one.
    const everything = await b.pullAll(b.admin);
    for (const change of everything) {
      for (const stamp of Object.values(change.hlcs))
        expect(parseHlc(stamp).millis).toBeLessThanOrEqual(bound());
    }
  });

  it('refuses a push with another user’s clientId, so the real device’s next mutations are applied, not “duplicate”', async () => {
    const tablet = newId();
    const first = await b.push(b.fac1, [put(1, 'session', newId(), sessionFields(b.p1), now())], tablet);
    expect(outcomes(first)).toEqual(['applied']);
    const stolen = await b.push(
      b.fac2,
      [
        put(2, 'session', newId(), sessionFields(b.p2), now()),
        put(3, 'session', newId(), sessionFields(b.p2), now()),
      ],
      tablet,
    );
    expect(stolen.status).toBe(403);
    expect(stolen.body.error.code).toBe('forbidden');
    const next = newId();
    const real = await b.push(
      b.fac1,
      [put(2, 'session', next, sessionFields(b.p1, { title: 'La de verdad' }), now())],
      tablet,
    );
    expect(real.body.results).toEqual([{ id: 2, status: 'applied' }]);
    expect((await stampsOf(next)).fields.title).toBe('La de verdad');
  });

  it('applies an imported file as the user it came from, with the same clock bound, and refuses other files', async () => {
    const file = (user: Json, id: string, processId: string, stamp: string) => {
      const fields = sessionFields(processId, { title: 'Desde el archivo' });
      const hlcs = Object.fromEntries(Object.keys(fields).map((k) => [k, stamp]));
      return {
        format: 'tequio-unsynced',
        version: 1,
        exportedAt: new Date().toISOString(),
        clientId: newId(),
        user,
        mutations: [],
        records: { session: [{ id, fields, hlcs, deleted: false }] },
      };
    };
    const who = (u: { id: string; username: string; role: string }) => ({
      id: u.id,
      username: u.username,
      displayName: u.username,
      role: u.role,
      scope: { kind: 'borough' },
    });
    const importAs = (body: unknown) =>
      server.request('POST', '/api/v1/sync/import', { token: b.dirCoord.token, body });

    const own = newId();
    const ok = await importAs(file(who(b.fac1), own, b.p1, FOREVER));
    expect(ok.status).toBe(200);
    expect(ok.body.applied).toBe(1);
    expect(Object.values((await stampsOf(own)).hlcs).every((h) => parseHlc(h).millis <= bound())).toBe(true);

    // fac1's file cannot write into process 2, whatever scope the file claims for fac1.
    const foreign = await importAs(file(who(b.fac1), newId(), b.p2, now()));
    expect(foreign.body.applied).toBe(0);
    expect(foreign.body.rejected.map((r: Json) => r.code)).toEqual(['forbidden']);
    // Files of people the coordinator does not coordinate, of nobody, or of an unknown user.
    for (const user of [who(b.admin), who(b.fac2), null, { ...who(b.fac1), id: newId() }]) {
      const res = await importAs(file(user, newId(), b.p1, now()));
      expect(res.status, JSON.stringify(user)).toBe(403);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
  });

  it('repair-clocks re-stamps records poisoned before the bound existed, and devices then see edits again', async () => {
    const id = newId();
    expect(outcomes(await b.push(b.fac1, [put(1, 'session', id, sessionFields(b.p1), now())]))).toEqual([
      'applied',
    ]);
    // As a server of an earlier version would have stored it.
    const row = await server.db.db
      .selectFrom('records')
      .select(['hlcs', 'seq'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const poisoned = Object.fromEntries(Object.keys(JSON.parse(row.hlcs) as object).map((k) => [k, FOREVER]));
    await server.db.db
      .updateTable('records')
      .set({ hlcs: JSON.stringify(poisoned) })
      .where('id', '=', id)
      .execute();
    const before = Number(row.seq);

    const cli = path.resolve('src/server/cli/cli.ts');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', cli, 'repair-clocks'], {
      env: { ...process.env, ...server.env },
    });
    expect(stdout).toMatch(/records repaired: 1 \(campos \/ fields: \d+\)/);
    const repaired = await stampsOf(id);
    expect(Object.values(repaired.hlcs).every((h) => parseHlc(h).millis <= bound())).toBe(true);
    const after = await server.db.db
      .selectFrom('records')
      .select('seq')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(after.seq)).toBeGreaterThan(before);

    const edit = await b.push(b.admin, [
      put(1, 'session', id, { title: 'Editada después de reparar' }, now(5)),
    ]);
    expect(outcomes(edit)).toEqual(['applied']);
    expect((await stampsOf(id)).fields.title).toBe('Editada después de reparar');
    const again = await run(process.execPath, ['--import', 'tsx', cli, 'repair-clocks'], {
      env: { ...process.env, ...server.env },
    });
    expect(again.stdout).toMatch(/records repaired: 0/);
  });
});
