/**
 * The raw limits of the machine, to compare the server with: the same request bodies POSTed to a
 * trivial Node HTTP server that only reads them, and the same rows inserted into a plain table in
 * ONE SQL transaction, straight through better-sqlite3 or pg (no Kysely, no validation, no merge).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { createThrowawayStore } from '../../tests/integration/child-server';
import type { Backend } from './server';

const TRIVIAL_SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const size = Buffer.concat(chunks).length;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ size }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

/** Sequential POSTs of `bodies` to a child process that only reads them; total milliseconds. */
export async function rawHttp(bodies: string[]): Promise<number> {
  const child = spawn(process.execPath, ['-e', TRIVIAL_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
      child.once('exit', () => reject(new Error('trivial server exited')));
    });
    const url = `http://127.0.0.1:${port}/`;
    // One request first so both sides are warm, as the real server is after its setup.
    await (await fetch(url, { method: 'POST', body: '{}' })).text();
    const t = performance.now();
    for (const body of bodies) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await res.text();
    }
    return performance.now() - t;
  } finally {
    child.kill('SIGTERM');
  }
}

export type RawRow = [string, string, string | null, string, string, number, number, string];

const COLUMNS = 'entity, id, process_id, fields, hlcs, deleted, seq, updated_at';
const TABLE = `create table plain_records (
  entity text not null, id text not null, process_id text, fields text not null, hlcs text not null,
  deleted integer not null, seq bigint not null, updated_at text not null,
  primary key (entity, id))`;

/** ONE transaction inserting `rows` into a plain table with the records' columns; milliseconds. */
export async function rawSql(backend: Backend, rows: RawRow[]): Promise<number> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'tequio-raw-'));
    const db = new SqliteDatabase(path.join(dir, 'raw.sqlite'));
    try {
      db.pragma('journal_mode = WAL');
      db.exec(TABLE);
      const insert = db.prepare(`insert into plain_records (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?)`);
      const all = db.transaction((list: RawRow[]) => {
        for (const row of list) insert.run(...row);
      });
      const t = performance.now();
      all(rows);
      return performance.now() - t;
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const store = await createThrowawayStore('postgres');
  const client = new pg.Client({ connectionString: store.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(TABLE);
    const perStatement = 500;
    const t = performance.now();
    await client.query('begin');
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const values = chunk.map(
        (_, r) => `(${Array.from({ length: 8 }, (_, c) => `$${r * 8 + c + 1}`).join(', ')})`,
      );
      await client.query(`insert into plain_records (${COLUMNS}) values ${values.join(', ')}`, chunk.flat());
    }
    await client.query('commit');
    return performance.now() - t;
  } finally {
    await client.end();
    await store.drop();
  }
}
