import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession, deleteSession } from '../../../src/client/data/use-sessions';
import { TequioDb } from '../../../src/client/data/db';
import { ConflictsSection } from '../../../src/client/features/sync-status/conflicts-section';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`ui-conflicts-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

/** A session deleted here while another device's notes crossed the delete. */
async function crossedSession() {
  const processId = await createProcess(aProcess());
  const id = await createSession(aSession(processId, { title: 'Asamblea del mercado' }));
  await deleteSession(id);
  const record = (await db.sessions.get(id))!;
  await db.conflicts.add({
    entity: 'session',
    recordId: id,
    kind: 'deleted_while_edited',
    fields: ['notes', 'attendance'],
    deletedHlc: record.hlcs.deleted!,
    detectedAt: new Date().toISOString(),
  });
  return id;
}

describe('conflicts on the sync page', () => {
  it('says there are none', async () => {
    render(<ConflictsSection />);
    expect(
      screen.getByRole('heading', { name: 'Eliminaciones que se cruzaron con ediciones' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Ninguna.')).toBeInTheDocument();
  });

  it('shows which record, what happened and which fields, and restores the record on request', async () => {
    const id = await crossedSession();
    const pendingBefore = await db.outbox.count();
    render(<ConflictsSection />);
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent('Sesión «Asamblea del mercado»');
    expect(item).toHaveTextContent('Se eliminó en otro dispositivo mientras aquí se editaba.');
    expect(item).toHaveTextContent('Editado: Notas, Asistencia');

    await userEvent.click(screen.getByRole('button', { name: 'Restaurar' }));
    await waitFor(() => expect(screen.queryByRole('listitem')).not.toBeInTheDocument());
    expect((await db.sessions.get(id))!.deleted).toBe(false);
    const restore = await db.outbox.orderBy('id').last();
    expect(await db.outbox.count()).toBe(pendingBefore + 1); // the restore syncs like any edit
    expect(restore).toMatchObject({ recordId: id, op: 'put', fields: { deleted: false } });
  });

  it('can be dismissed without touching the record', async () => {
    const id = await crossedSession();
    render(<ConflictsSection />);
    await userEvent.click(await screen.findByRole('button', { name: 'Entendido' }));
    expect(await screen.findByText('Ninguna.')).toBeInTheDocument();
    expect((await db.sessions.get(id))!.deleted).toBe(true);
  });
});
