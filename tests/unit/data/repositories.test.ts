import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import {
  createSession,
  deleteSession,
  listSessions,
  updateSession,
} from '../../../src/client/data/sessions.repository';
import { ValidationError } from '../../../src/client/data/errors';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('session repository', () => {
  it('writes the record and its outbox mutation together, with gap-free mutation ids', async () => {
    const processId = await createProcess(db, aProcess());
    const id = await createSession(db, aSession(processId));
    await updateSession(db, id, { title: 'Asamblea de arranque (2)' });
    const outbox = await db.outbox.orderBy('id').toArray();
    expect(outbox.map((m) => [m.id, m.entity, m.op])).toEqual([
      [1, 'process', 'put'],
      [2, 'session', 'put'],
      [3, 'session', 'put'],
    ]);
    expect(outbox[2]!.op === 'put' && outbox[2]!.fields).toEqual({ title: 'Asamblea de arranque (2)' });
    expect(outbox[1]!.hlc < outbox[2]!.hlc).toBe(true);
    const stored = await db.sessions.get(id);
    expect(stored!.fields.title).toBe('Asamblea de arranque (2)');
    expect(stored!.hlcs.title).toBe(outbox[2]!.hlc);
  });

  it('refuses an invalid session and writes nothing (neither record nor outbox)', async () => {
    const processId = await createProcess(db, aProcess());
    await expect(createSession(db, aSession(processId, { place: '' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.sessions.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.getMeta('nextMutationId')).toBe(2);
  });

  it('an edit sends only the changed fields, and a cleared note travels as null', async () => {
    const processId = await createProcess(db, aProcess());
    const session = aSession(processId);
    const id = await createSession(db, session);
    await updateSession(db, id, { ...session, notes: undefined });
    const last = await db.outbox.orderBy('id').last();
    expect(last!.op === 'put' && last!.fields).toEqual({ notes: null });
  });

  it('a delete leaves a tombstone that hides the session and queues a delete', async () => {
    const processId = await createProcess(db, aProcess());
    const id = await createSession(db, aSession(processId));
    await deleteSession(db, id);
    expect(await listSessions(db, processId)).toEqual([]);
    expect((await db.sessions.get(id))!.deleted).toBe(true);
    expect((await db.outbox.orderBy('id').last())!.op).toBe('delete');
  });

  it('a facilitator who creates a process joins its team', async () => {
    await db.setMeta('account', {
      token: 't',
      user: {
        id: 'u1',
        username: 'rosa',
        displayName: 'Rosa',
        role: 'facilitator',
        scope: { kind: 'processes' },
      },
    });
    const processId = await createProcess(db, aProcess());
    expect((await db.processes.get(processId))!.fields.teamUserIds).toEqual(['u1']);
  });
});
