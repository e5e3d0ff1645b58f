/**
 * Backups end to end, with the CLI spawned as an operator runs it:
 * `backup <file>` on a live server, `restore <file>` into an empty
 * database of the same or the other kind (SQLite → PostgreSQL and back),
 * over an existing one (everything replaced, a safety copy kept), with a
 * NEW epoch that devices notice; damaged or foreign files change nothing;
 * and a backup taken while devices push is one consistent snapshot.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { createTablesRepository } from '../../src/server/repositories/tables.repository';
import { createBackupService } from '../../src/server/services/backup.service';
import { createThrowawayStore, runCli, startChildServer, type ThrowawayStore } from './child-server';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

/** Every row of every table, in key order; the epoch and restore stamps (which must change) left out. */
async function contents(
  config: ThrowawayStore['config'] | TestServer['db'],
): Promise<Record<string, unknown[]>> {
  const handle = 'db' in config ? config : openDatabase(config);
  try {
    const tables = createTablesRepository(handle.db, handle.storage);
    const out: Record<string, unknown[]> = {};
    for (const table of await tables.list()) {
      const rows = await tables.page(table, null, 1_000_000);
      out[table.name] = rows
        .filter(
          (r) =>
            !(table.name === 'meta' && ['epoch', 'restored_at', 'restored_from'].includes(String(r.key))),
        )
        .map((r) => (table.name === 'device_tokens' ? { ...r, last_used_at: null } : r));
    }
    return out;
  } finally {
    if (!('db' in config)) await handle.close();
  }
}

async function epochOf(config: ThrowawayStore['config']): Promise<string> {
  const handle = openDatabase(config);
  try {
    const row = await handle.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'epoch')
      .executeTakeFirstOrThrow();
    return row.value;
  } finally {
    await handle.close();
  }
}

/** The ids in the `records` table of a backup file. */
function recordIdsIn(file: string): Set<string> {
  const ids = new Set<string>();
  let idColumn = -1;
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line) continue;
    const value = JSON.parse(line) as unknown;
    if (Array.isArray(value)) {
      if (idColumn >= 0) ids.add(String(value[idColumn]));
    } else {
      const header = value as { table?: string; columns?: string[] };
      idColumn = header.table === 'records' ? header.columns!.indexOf('id') : -1;
    }
  }
  return ids;
}

const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.from('foto de la asamblea'.repeat(500)),
]);
const JPEG_SHA = createHash('sha256').update(JPEG).digest('hex');

describe.each(backends)('backup and restore from $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let epoch: string;
  let cursor: string;
  let dir: ThrowawayStore;
  const stores: ThrowawayStore[] = [];
  /** What the backup file holds: the server's rows when it was taken. */
  let backedUp: Record<string, unknown[]>;
  const processId = newId();
  const file = () => path.join(dir.dataDir, 'respaldo.jsonl.gz');

  beforeAll(async () => {
    server = await backend.start();
    dir = await createThrowawayStore('sqlite');
    admin = await server.createUser({ username: 'admin', role: 'admin', displayName: 'Ana Admin' });
    const rosa = await server.createUser({ username: 'rosa', role: 'facilitator' });
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), [
        put(1, 'process', processId, processFields({ teamUserIds: [rosa.id] }), hlc(0)),
        put(
          2,
          'session',
          newId(),
          sessionFields(processId, { notes: 'ñandú — “comillas” \u{1F600}' }),
          hlc(1),
        ),
        put(3, 'session', newId(), sessionFields(processId, { date: 'nunca' }), hlc(2)),
      ]),
    });
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    epoch = res.body.serverEpoch;
    cursor = (await server.request('GET', '/api/v1/sync/pull', { token: admin.token })).body.cursor;
    const photo = await server.request('PUT', `/api/v1/blobs/${JPEG_SHA}`, {
      token: admin.token,
      rawBody: JPEG,
      headers: { 'content-type': 'image/jpeg' },
    });
    expect(photo.status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
    for (const store of [dir, ...stores]) await store.drop();
  });

  it('backs up a live server and restores into an empty database of each kind, under a new epoch', async () => {
    const before = await contents(server.db);
    backedUp = before;
    const backup = await runCli(['backup', file()], server.env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/backup written: .*respaldo\.jsonl\.gz/);
    expect(backup.stdout).toMatch(/; blobs 1$/m);
    // Changes after the backup are not in it.
    await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), [put(1, 'session', newId(), sessionFields(processId), hlc(9))], epoch),
    });

    for (const target of backends) {
      const store = await createThrowawayStore(target.name);
      stores.push(store);
      const restore = await runCli(['restore', file()], store.env);
      expect(restore.stderr).toBe('');
      expect(restore.code, restore.stdout).toBe(0);
      expect(restore.stdout).toMatch(/new sync epoch: [0-9a-f-]{36}/);
      expect(await contents(store.config), `${backend.name} → ${target.name}`).toEqual(before);
      const newEpoch = await epochOf(store.config);
      expect(newEpoch).not.toBe(epoch);

      const restored = await startChildServer(store.env);
      try {
        const call = (method: string, url: string, body?: unknown) =>
          fetch(`${restored.url}${url}`, {
            method,
            headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
        // The device's token still works; its old cursor and epoch tell it to re-send and start over.
        expect((await call('GET', '/api/v1/auth/me')).status).toBe(200);
        const pull = await call('GET', `/api/v1/sync/pull?cursor=${cursor}`);
        expect(pull.status).toBe(409);
        expect(((await pull.json()) as { error: { code: string } }).error.code).toBe('epoch_changed');
        const push = await call(
          'POST',
          '/api/v1/sync/push',
          pushBody(newId(), [put(1, 'session', newId(), sessionFields(processId), hlc(5))], epoch),
        );
        expect(push.status).toBe(409);
        // The photo came back with the backup, bytes and all.
        const blob = await call('GET', `/api/v1/blobs/${JPEG_SHA}`);
        expect(blob.status).toBe(200);
        expect(Buffer.from(await blob.arrayBuffer()).equals(JPEG)).toBe(true);
      } finally {
        restored.kill('SIGTERM');
        await restored.exited;
      }
    }
  }, 120_000);

  it('restores over an existing database, replacing everything, after a safety copy of it', async () => {
    const store = stores[0]!;
    // The store has changed since its restore: the server started on it (adding the default rubric
    // templates) and a device pushes below. Restoring again brings back exactly what the file holds.
    const expected = backedUp;
    const live = await startChildServer(store.env);
    const login = await fetch(`${live.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        pushBody(newId(), [
          put(1, 'process', newId(), processFields({ name: 'Después del respaldo' }), hlc(20)),
        ]),
      ),
    });
    expect(login.status).toBe(200);
    live.kill('SIGTERM');
    await live.exited;
    const epochBefore = await epochOf(store.config);

    const restore = await runCli(['restore', file(), '--revoke-devices'], store.env);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/safety backup of the current data: .*pre-restore-.*\.jsonl\.gz/);
    expect(restore.stdout).toMatch(/devices signed out: 2/);
    const after = await contents(store.config);
    expect(JSON.stringify(after)).not.toContain('Después del respaldo');
    expect(after.records).toEqual(expected.records);
    expect(await epochOf(store.config)).not.toBe(epochBefore);
    const safety = readdirSync(path.join(store.dataDir, 'backups'));
    expect(safety).toHaveLength(1);
    expect(gunzipSync(readFileSync(path.join(store.dataDir, 'backups', safety[0]!))).toString()).toContain(
      'Después del respaldo',
    );
  }, 60_000);

  it('refuses damaged or foreign files and leaves the database as it was', async () => {
    const store = stores[0]!;
    const before = await contents(store.config);
    const epochBefore = await epochOf(store.config);
    const good = readFileSync(file());
    const lines = gunzipSync(good).toString('utf8').trimEnd().split('\n');
    const variant = (name: string, bytes: Buffer) => {
      const target = path.join(dir.dataDir, name);
      writeFileSync(target, bytes);
      return target;
    };
    const damaged = [
      variant('cut.gz', good.subarray(0, Math.floor(good.length / 2))),
      variant('no-end.gz', gzipSync(lines.slice(0, -1).join('\n'))),
      variant(
        'missing-row.gz',
        gzipSync(lines.filter((l, i) => !(i > 2 && l.startsWith('[') && l.includes('admin'))).join('\n')),
      ),
      variant(
        'future.gz',
        gzipSync(
          [lines[0]!.replace('"migrations":[', '"migrations":["9999_future",'), ...lines.slice(1)].join('\n'),
        ),
      ),
      variant('not-gzip.gz', Buffer.from('{"format":"tequio-backup"}\n')),
      variant('other.gz', gzipSync('{"hello":"world"}\n')),
    ];
    const cli = await runCli(['restore', damaged[0]!], store.env);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/truncated|damaged/);
    expect(cli.stderr).toMatch(/nothing was changed/);
    const handle = openDatabase(store.config);
    try {
      const service = createBackupService(handle);
      for (const bad of damaged.slice(1)) {
        await expect(service.restore(bad, { blobDir: store.config.blobDir }), bad).rejects.toThrow();
      }
    } finally {
      await handle.close();
    }
    expect(await contents(store.config)).toEqual(before);
    expect(await epochOf(store.config)).toBe(epochBefore);
  }, 60_000);

  it('restores a backup made before a later migration and upgrades it', async () => {
    const store = stores[0]!;
    const lines = gunzipSync(readFileSync(file())).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(lines[0]!) as { migrations: string[] };
    expect(header.migrations.slice(0, 2)).toEqual(['0001_initial', '0002_blobs']);
    // The same data as a server before 0002_blobs would have written it: without the tables
    // and columns of the later migrations.
    const later = [
      'blobs',
      'blob_uploads',
      'unit_directorates',
      'process_units',
      'enrolment_codes',
      'login_attempts',
      'review_conflicts',
      'review_events',
    ];
    const laterColumns: Record<string, string[]> = {
      users: ['directorate_ids', 'deactivated_at', 'must_change_password'],
      rejected_mutations: ['process_id', 'review_state'],
    };
    const old: string[] = [JSON.stringify({ ...header, migrations: header.migrations.slice(0, 1) })];
    let skipping = false;
    let keep: boolean[] | null = null;
    for (const line of lines.slice(1)) {
      const value = JSON.parse(line) as {
        table?: string;
        columns?: string[];
        end?: boolean;
        rows?: Record<string, number>;
      };
      if (value.table) {
        skipping = later.includes(value.table);
        const dropped = laterColumns[value.table] ?? [];
        keep = value.columns!.map((c) => !dropped.includes(c));
        if (!skipping && dropped.length > 0) {
          old.push(JSON.stringify({ ...value, columns: value.columns!.filter((_, i) => keep![i]) }));
          continue;
        }
      } else if (Array.isArray(value) && keep && !skipping) {
        old.push(JSON.stringify((value as unknown[]).filter((_, i) => keep![i])));
        continue;
      }
      if (value.end) {
        old.push(
          JSON.stringify({
            end: true,
            rows: Object.fromEntries(Object.entries(value.rows!).filter(([t]) => !later.includes(t))),
          }),
        );
      } else if (!skipping && !line.startsWith('{"blob"') && !line.startsWith('"')) old.push(line);
    }
    const oldFile = path.join(dir.dataDir, 'old.jsonl.gz');
    writeFileSync(oldFile, gzipSync(old.join('\n')));
    const restore = await runCli(['restore', oldFile, '--skip-safety-backup'], store.env);
    expect(restore.code, restore.stderr).toBe(0);
    const after = await contents(store.config);
    expect(after.blobs).toEqual([]);
    expect(after.records!.length).toBeGreaterThan(0);
  }, 60_000);

  it('takes one consistent snapshot while devices keep pushing', async () => {
    const clients = Array.from({ length: 4 }, () => ({ id: newId(), last: 0 }));
    /** Every batch the server acknowledged: its record ids, and when its answer arrived (after it committed). */
    const batches: { ids: string[]; ackedAt: number }[] = [];
    let pushing = true;
    let warmedUp!: () => void;
    const enough = new Promise<void>((resolve) => (warmedUp = resolve));
    const pushes = clients.map(async (client, c) => {
      while (pushing) {
        const ids = Array.from({ length: 100 }, () => newId());
        const mutations = ids.map((id, i) =>
          put(client.last + i + 1, 'session', id, sessionFields(processId, { title: `snap ${c}` }), hlc(100)),
        );
        const res = await server.request('POST', '/api/v1/sync/push', {
          token: admin.token,
          body: pushBody(client.id, mutations, epoch),
        });
        expect(res.status).toBe(200);
        batches.push({ ids, ackedAt: Date.now() });
        client.last = res.body.lastMutationId;
        // Enough records that the dump reads them in several pages while new batches commit.
        if (clients.reduce((n, k) => n + k.last, 0) >= 3000) warmedUp();
      }
    });
    await Promise.race([enough, Promise.all(pushes)]);

    // A snapshot proves something only if batches committed while it was being read: one that
    // is not in the snapshot (committed after its start) whose answer came back before the dump
    // wrote its last byte (the file's mtime; the read transaction is still open then). The
    // window is short, so take snapshots until one had such a batch; each must hold whole
    // batches only.
    let snapshot: string | null = null;
    const tries: string[] = [];
    for (let attempt = 1; attempt <= 5 && !snapshot; attempt++) {
      const file = path.join(dir.dataDir, `snapshot-${attempt}.jsonl.gz`);
      const backup = await runCli(['backup', file, '--skip-blobs'], server.env);
      expect(backup.code, backup.stderr).toBe(0);
      const dumpEnded = statSync(file).mtimeMs;
      const held = recordIdsIn(file);
      const acked = batches.filter((b) => b.ackedAt < dumpEnded);
      for (const batch of batches) {
        const inSnapshot = batch.ids.filter((id) => held.has(id)).length;
        expect([0, batch.ids.length], 'a batch is in a snapshot whole or not at all').toContain(inSnapshot);
      }
      const during = acked.filter((b) => !held.has(b.ids[0]!)).length;
      tries.push(
        `snapshot ${attempt}: ${during} batches committed while it was read, ${batches.length} so far`,
      );
      if (during > 0) snapshot = file;
    }
    pushing = false;
    await Promise.all(pushes);
    console.log(`snapshot while pushing (${backend.name}): ${tries.join('; ')}`);
    expect(snapshot, `the backup ran while pushes were committing (${tries.join('; ')})`).not.toBeNull();

    const target = await createThrowawayStore(backend.name);
    stores.push(target);
    const handle = openDatabase(target.config);
    try {
      await (await import('../../src/server/db/migrations')).migrateToLatest(handle.db);
      const summary = await createBackupService(handle).restore(snapshot!, {
        blobDir: target.config.blobDir,
      });
      expect(summary.blobs).toBe(0);
      const counters = await handle.db
        .selectFrom('clients')
        .select(['client_id', 'last_mutation_id'])
        .execute();
      const records = await handle.db.selectFrom('records').select(['fields', 'seq']).execute();
      const sequence = await handle.db
        .selectFrom('commit_sequence')
        .select('value')
        .executeTakeFirstOrThrow();
      expect(Number(sequence.value)).toBe(Math.max(...records.map((r) => Number(r.seq))));
      let seen = 0;
      clients.forEach((client, c) => {
        const last = Number(counters.find((row) => row.client_id === client.id)?.last_mutation_id ?? 0);
        const held = records.filter(
          (r) => (JSON.parse(r.fields) as { title: string }).title === `snap ${c}`,
        ).length;
        expect(held, `client ${c}: its records match its counter in the snapshot`).toBe(last);
        seen += last;
      });
      expect(seen, 'the snapshot holds what was pushed before it').toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
