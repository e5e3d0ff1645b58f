import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type VisionStatement } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { NotFoundError, ValidationError } from '../../../src/client/data/errors';
import { createProcess } from '../../../src/client/data/processes.repository';
import {
  createVision,
  deleteVision,
  getVision,
  listSessionVisions,
  listVisions,
  updateVision,
} from '../../../src/client/data/vision.repository';
import { aProcess } from '../../fixtures/sessions';

let db: TequioDb;
let processId: string;
const sessionId = newId();
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  processId = await createProcess(db, aProcess());
});
afterEach(async () => {
  await db.delete();
});

function aVision(overrides: Partial<VisionStatement> = {}): VisionStatement {
  return { processId, sessionId, text: 'Calles iluminadas y seguras', theme: 'safety', ...overrides };
}

const lastMutationId = async () => (await db.outbox.orderBy('id').last())?.id ?? 0;
const outboxAfter = async (id: number) => (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > id);

describe('vision repository', () => {
  it('records a statement (record + outbox) and reads it back', async () => {
    const before = await lastMutationId();
    const problemId = newId();
    const id = await createVision(db, aVision({ problemIds: [problemId] }));
    expect(await getVision(db, id)).toEqual({ id, ...aVision({ problemIds: [problemId] }) });
    const mutations = await outboxAfter(before);
    expect(mutations).toHaveLength(1);
    expect(mutations[0]).toMatchObject({ entity: 'visionStatement', recordId: id, op: 'put' });
  });

  it('refuses a statement that breaks the schema and writes nothing', async () => {
    const before = await db.outbox.count();
    const p = newId();
    await expect(createVision(db, aVision({ text: 'no' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(createVision(db, aVision({ problemIds: [p, p] }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.visionStatements.count()).toBe(0);
    expect(await db.outbox.count()).toBe(before);
  });

  it('an edit sends only the fields that changed; a delete hides it', async () => {
    const id = await createVision(db, aVision());
    const before = await lastMutationId();
    await updateVision(db, id, { ...aVision(), theme: 'public_space' });
    const mutations = await outboxAfter(before);
    expect(mutations).toHaveLength(1);
    expect(mutations[0]!.op === 'put' && mutations[0]!.fields).toEqual({ theme: 'public_space' });
    await deleteVision(db, id);
    expect(await getVision(db, id)).toBeNull();
    expect(await listVisions(db, processId)).toEqual([]);
    await expect(updateVision(db, id, { text: 'Otra vez' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists by process (by thematic area, then text) and by session', async () => {
    const other = newId();
    const otherProcess = await createProcess(db, aProcess({ name: 'Otro proceso' }));
    const a = await createVision(db, aVision({ text: 'Un parque con árboles', theme: 'environment' }));
    const b = await createVision(
      db,
      aVision({ text: 'Agua todos los días', theme: 'water', sessionId: other }),
    );
    const c = await createVision(db, aVision({ text: 'Alumbrado en cada calle', theme: 'environment' }));
    await createVision(db, aVision({ processId: otherProcess }));
    expect((await listVisions(db, processId)).map((v) => v.id)).toEqual([c, a, b]);
    expect((await listSessionVisions(db, processId, other)).map((v) => v.id)).toEqual([b]);
  });
});
