import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import {
  buildOfficeExport,
  buildPhotoExport,
  loadOfficeData,
} from '../../../src/client/data/office.repository';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, deleteSession } from '../../../src/client/data/sessions.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
let processId: string;
const label = (_group: string, code: string) => code;
const onDevice = 'a'.repeat(64);
const onServer = 'b'.repeat(64);
const nowhere = 'c'.repeat(64);

beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  processId = await createProcess(db, aProcess({ name: 'Año de Juárez' }));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('office repository', () => {
  it('reads live records only, and exports them as a CSV zip', async () => {
    await createSession(db, aSession(processId, { title: 'Asamblea de la colonia', date: '2026-03-01' }));
    const gone = await createSession(db, aSession(processId, { title: 'Borrada', date: '2026-03-02' }));
    await deleteSession(db, gone);
    const data = await loadOfficeData(db);
    expect(data.sessions.map((s) => s.title)).toEqual(['Asamblea de la colonia']);
    expect(data.projectStatuses).toEqual([]);

    const steps: number[] = [];
    const file = await buildOfficeExport(db, 'csv', {}, label, (p) => steps.push(p.done));
    expect(file.fileName).toMatch(/^tequio-\d{4}-\d{2}-\d{2}-csv\.zip$/);
    expect(steps.at(-1)).toBe(1);
    expect(steps.length).toBeGreaterThan(3);
    const files = unzipSync(await bytesOf(file.blob));
    expect(strFromU8(files['procesos.csv']!)).toContain('Año de Juárez');
    expect(strFromU8(files['sesiones.csv']!)).not.toContain('Borrada');
  });

  it('zips the photos it holds and fetches the others; the index lists what could not be had', async () => {
    const photo = (sha256: string) => ({ sha256, mime: 'image/jpeg' });
    await createSession(
      db,
      aSession(processId, { photos: [photo(onDevice), photo(onServer), photo(nowhere)] }),
    );
    await db.blobs.put({
      sha256: onDevice,
      bytes: new Blob([new Uint8Array([1, 2])], { type: 'image/jpeg' }),
      mime: 'image/jpeg',
      size: 2,
      createdAt: new Date().toISOString(),
      status: 'uploaded',
      uploadedBytes: 2,
    });
    const asked: string[] = [];
    const download = async (sha256: string) => {
      asked.push(sha256);
      if (sha256 === onServer) return new Blob([new Uint8Array([3, 4, 5])], { type: 'image/jpeg' });
      throw new Error('offline');
    };
    const file = await buildPhotoExport(db, {}, download);
    expect(asked).toEqual([onServer, nowhere]);
    expect(file).toMatchObject({ photos: 3, missing: 1 });
    const zip = unzipSync(await bytesOf(file.blob));
    const names = Object.keys(zip).sort();
    expect(names).toHaveLength(3);
    expect(names).toContain('indice.csv');
    expect(strFromU8(zip['indice.csv']!)).toContain(`${nowhere},sesion`);
  });
});
