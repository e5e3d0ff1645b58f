/** The "everything not yet synced" file: what it holds, what it leaves out, and that the server format accepts it. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, unsyncedFileSchema } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, deleteSession, updateSession } from '../../../src/client/data/sessions.repository';
import { acknowledgePush } from '../../../src/client/sync/local-store';
import {
  buildUnsyncedExport,
  exportUnsyncedJson,
  unsyncedExportFileName,
} from '../../../src/client/data/unsynced-file.repository';
import { ImportFileError, readUnsyncedFile } from '../../../src/client/net/import-api';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`export-${newId()}`);
  await db.open();
  await db.setMeta('account', {
    token: 'secret-device-token',
    user: {
      id: 'u-1',
      username: 'rosa',
      displayName: 'Rosa Martínez',
      role: 'facilitator',
      scope: { kind: 'processes' },
    },
  });
});
afterEach(async () => {
  await db.delete();
});

const NOW = new Date(2026, 10, 21, 18, 30);

describe('unsynced-changes export', () => {
  it('holds the outbox and every record a pending change touches, with the hlc of each field', async () => {
    const processId = await createProcess(db, aProcess());
    const kept = await createSession(db, aSession(processId));
    const removed = await createSession(db, aSession(processId, { title: 'Sesión repetida' }));
    // Everything so far reached the server…
    const sent = (await db.outbox.orderBy('id').toArray()).map(({ createdAt: _c, ...m }) => m);
    await acknowledgePush(db, sent, {
      serverEpoch: 'e1',
      serverTime: NOW.toISOString(),
      lastMutationId: sent.length,
      results: sent.map((m) => ({ id: m.id, status: 'applied' as const })),
    });
    // …then two edits wait.
    await updateSession(db, kept, { place: 'Mercado Aculco' });
    await deleteSession(db, removed);

    const file = await buildUnsyncedExport(db, NOW);
    expect(file).toMatchObject({
      format: 'tequio-unsynced',
      version: 1,
      exportedAt: NOW.toISOString(),
      clientId: await db.getMeta('clientId'),
      user: { id: 'u-1', username: 'rosa' },
    });
    expect(file.mutations.map((m) => [m.id, m.op, m.recordId])).toEqual([
      [4, 'put', kept],
      [5, 'delete', removed],
    ]);
    expect(Object.keys(file.records)).toEqual(['session']);
    const records = new Map(file.records.session!.map((r) => [r.id, r]));
    expect(records.size).toBe(2);
    expect(records.get(kept)).toEqual(await db.sessions.get(kept));
    expect(records.get(kept)!.fields.place).toBe('Mercado Aculco');
    expect(records.get(kept)!.hlcs.place > records.get(kept)!.hlcs.title!).toBe(true);
    expect(records.get(removed)).toMatchObject({ deleted: true, hlcs: { deleted: expect.any(String) } });
    // The process synced already: it is not in the file.
    expect(file.records.process).toBeUndefined();
    expect(file.mutations.some((m) => m.recordId === processId)).toBe(false);
  });

  it('never contains the device token, and the server’s file schema accepts it', async () => {
    await createProcess(db, aProcess());
    const { json, fileName } = await exportUnsyncedJson(db, NOW);
    expect(json).not.toContain('secret-device-token');
    expect(fileName).toBe('tequio-pendientes-2026-11-21.json');
    expect(unsyncedFileSchema.safeParse(JSON.parse(json)).success).toBe(true);
    // The coordinator's side reads it back as the same file.
    expect(await readUnsyncedFile(new Blob([json]))).toEqual(JSON.parse(json));
  });

  it('includes the photos the server has not confirmed, as base64, and not the confirmed ones', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256);
    const row = { mime: 'image/jpeg', size: bytes.length, uploadedBytes: 0, createdAt: NOW.toISOString() };
    await db.blobs.bulkAdd([
      { ...row, sha256: 'a'.repeat(64), bytes: new Blob([bytes], { type: 'image/jpeg' }), status: 'pending' },
      {
        ...row,
        sha256: 'b'.repeat(64),
        bytes: new Blob([bytes], { type: 'image/jpeg' }),
        status: 'uploaded',
      },
    ]);
    const file = await buildUnsyncedExport(db, NOW);
    expect(file.blobs?.map((b) => b.sha256)).toEqual(['a'.repeat(64)]);
    const decoded = Uint8Array.from(atob(file.blobs![0]!.base64), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(file.blobs![0]!.mime).toBe('image/jpeg');
  });

  it('exports an empty file when nothing waits', async () => {
    const file = await buildUnsyncedExport(db, NOW);
    expect(file.mutations).toEqual([]);
    expect(file.records).toEqual({});
    expect(unsyncedExportFileName(new Date(2026, 0, 5))).toBe('tequio-pendientes-2026-01-05.json');
  });
});

describe('reading a file to import', () => {
  it('tells apart a file that is not JSON, not ours, or too big', async () => {
    const problem = async (blob: Blob) => {
      const error = await readUnsyncedFile(blob).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      return (error as ImportFileError).problem;
    };
    expect(await problem(new Blob(['{ not json']))).toBe('not_json');
    expect(await problem(new Blob([JSON.stringify({ format: 'other', version: 1 })]))).toBe('wrong_format');
    const huge = { size: 51 * 1024 * 1024, text: async () => '{}' } as unknown as Blob;
    expect(await problem(huge)).toBe('too_large');
  });
});
