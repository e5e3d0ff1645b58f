/**
 * Territory import of the real borough file (Iztapalapa, 295 units): over
 * HTTP and through the CLI, idempotence, coordinators' fields surviving a
 * re-import, refused features, and who may read and write units.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, unitIdFromKey } from '../../src/domain';
import { runCli } from './child-server';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { newId, pushBody, put } from './server-fixtures';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');
const UNITS = 295;
const POPULATION = 1_838_464;

type Feature = { type: string; properties: Record<string, unknown>; geometry: unknown };
const realCollection = () =>
  JSON.parse(readFileSync(REAL_FILE, 'utf8')) as { type: string; features: Feature[] };

/** A device's stamp `seconds` from now (the import stamps with the server's clock). */
const hlc = (seconds: number) =>
  formatHlc({ millis: Date.now() + seconds * 1000, counter: 0, node: '00000000000000c1' });

const backends = await availableBackends();

describe.each(backends)('territory import on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let coord: TestUser;
  let fac: TestUser;
  const tmp = mkdtempSync(path.join(tmpdir(), 'tequio-territory-'));

  const importFile = (user: TestUser, body: unknown) =>
    server.request('POST', '/api/v1/territory/import', { token: user.token, body });
  const sequence = async () =>
    Number(
      (await server.db.db.selectFrom('commit_sequence').select('value').executeTakeFirstOrThrow()).value,
    );
  const unitFields = async (key: string) => {
    const row = await server.db.db
      .selectFrom('records')
      .select('fields')
      .where('entity', '=', 'territorialUnit')
      .where('id', '=', unitIdFromKey(key))
      .executeTakeFirstOrThrow();
    return JSON.parse(row.fields) as Record<string, unknown>;
  };

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    coord = await server.createUser({ username: 'coord', role: 'coordinator' });
    fac = await server.createUser({ username: 'fac', role: 'facilitator' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports the real file completely, then a re-import changes nothing', async () => {
    const first = await importFile(coord, realCollection());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ added: UNITS, updated: 0, unchanged: 0, refused: [], units: UNITS });
    expect(first.body.population).toBe(POPULATION);
    console.log(
      `[${backend.name}] territory import: ${first.body.units} units, ${first.body.population} inhabitants, ${first.body.ms} ms`,
    );
    expect(await unitFields('07-001')).toMatchObject({
      key: '07-001',
      name: 'ACULCO (PBLO)',
      population: 5818,
      prioritised: false,
      directorateId: null,
    });

    const seq = await sequence();
    const again = await importFile(admin, realCollection());
    expect(again.body).toMatchObject({ added: 0, updated: 0, unchanged: UNITS, refused: [], units: UNITS });
    expect(again.body.population).toBe(POPULATION);
    console.log(
      `[${backend.name}] territory re-import: ${again.body.ms} ms, unchanged ${again.body.unchanged}`,
    );
    expect(await sequence()).toBe(seq);
  });

  it("keeps a coordinator's directorate and priority through a re-import that updates the unit", async () => {
    const directorateId = newId();
    const clientId = newId();
    const pushed = await server.request('POST', '/api/v1/sync/push', {
      token: coord.token,
      body: pushBody(clientId, [
        put(1, 'directorate', directorateId, { name: 'Dirección Territorial Aculco', number: 1 }, hlc(0)),
        put(2, 'territorialUnit', unitIdFromKey('07-001'), { directorateId, prioritised: true }, hlc(1)),
      ]),
    });
    expect(pushed.body.results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    const renamed = realCollection();
    renamed.features[0]!.properties.UT = 'ACULCO (PUEBLO)';
    const report = await importFile(coord, renamed);
    expect(report.body).toMatchObject({ added: 0, updated: 1, unchanged: UNITS - 1, refused: [] });
    expect(await unitFields('07-001')).toMatchObject({
      name: 'ACULCO (PUEBLO)',
      directorateId,
      prioritised: true,
    });
  });

  it('refuses a broken feature with a clear message and imports the rest', async () => {
    const broken = realCollection();
    const geometry = broken.features[1]!.geometry as { coordinates: number[][][][] };
    geometry.coordinates[0]![0]!.pop(); // the ring no longer closes
    delete broken.features[2]!.properties.CVEUT;
    const report = await importFile(admin, broken);
    expect(report.status).toBe(200);
    expect(report.body.units).toBe(UNITS - 2);
    expect(report.body.refused).toEqual([
      {
        index: 1,
        key: '07-002',
        code: 'bad_geometry',
        message: expect.stringContaining('ring is not closed'),
      },
      { index: 2, key: null, code: 'missing_key', message: expect.stringContaining('CVEUT') },
    ]);
  });

  it('refuses a body that is not a FeatureCollection, and non-coordinators', async () => {
    expect((await importFile(admin, { type: 'Feature' })).status).toBe(400);
    expect((await importFile(fac, realCollection())).status).toBe(403);
  });

  it('sends units to a facilitator and refuses their writes to a unit as forbidden', async () => {
    let cursor: string | undefined;
    const keys = new Set<string>();
    for (;;) {
      const res = await server.request(
        'GET',
        `/api/v1/sync/pull?limit=1000${cursor ? `&cursor=${cursor}` : ''}`,
        { token: fac.token },
      );
      expect(res.status).toBe(200);
      for (const c of res.body.changes) if (c.entity === 'territorialUnit') keys.add(c.fields.key);
      cursor = res.body.cursor;
      if (!res.body.hasMore) break;
    }
    expect(keys.size).toBe(UNITS);

    const res = await server.request('POST', '/api/v1/sync/push', {
      token: fac.token,
      body: pushBody(newId(), [
        put(1, 'territorialUnit', unitIdFromKey('07-003'), { prioritised: true }, hlc(50)),
      ]),
    });
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'forbidden' });
    expect((await unitFields('07-003')).prioritised).toBe(false);
  });

  it('imports through the CLI with a report, and fails on an unreadable file', async () => {
    const file = path.join(tmp, 'units.geojson');
    writeFileSync(file, JSON.stringify(realCollection()));
    const ok = await runCli(['territory', 'import', file], server.env);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/units imported: 295 .*updated \d+, sin cambios \/ unchanged \d+\)/);
    expect(ok.stdout).toContain('1,838,464');
    expect(ok.stdout).toMatch(/Rechazadas \/ refused: 0/);
    console.log(`[${backend.name}] CLI:\n${ok.stdout}`);

    const rerun = await runCli(['territory', 'import', file], server.env);
    expect(rerun.stdout).toContain('nuevas / added 0, actualizadas / updated 0, sin cambios / unchanged 295');

    writeFileSync(path.join(tmp, 'bad.geojson'), '{"type":"Feature"}');
    const bad = await runCli(['territory', 'import', path.join(tmp, 'bad.geojson')], server.env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('not a GeoJSON FeatureCollection');
    const missing = await runCli(['territory', 'import', path.join(tmp, 'nope.geojson')], server.env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read the file');
  });
});
