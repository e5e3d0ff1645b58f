import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, deleteSession } from '../../../src/client/data/sessions.repository';
import { NotFoundError, ValidationError } from '../../../src/client/data/errors';
import {
  createTourNote,
  deleteTourNote,
  getTourNote,
  listSessionTourNotes,
  updateTourNote,
  type TourNoteInput,
} from '../../../src/client/data/tour-notes.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
let processId: string;
let tourId: string;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  processId = await createProcess(db, aProcess({ stage: 'tour' }));
  tourId = await createSession(
    db,
    aSession(processId, { type: 'territorial_tour', title: 'Recorrido por el canal' }),
  );
});
afterEach(async () => {
  await db.delete();
});

const PHOTO = { sha256: 'b'.repeat(64), mime: 'image/jpeg', width: 1600, height: 1200 };

function aNote(overrides: Partial<TourNoteInput> = {}): TourNoteInput {
  return {
    theme: 'water',
    description: 'Fuga de agua frente a la escuela',
    severity: 'high',
    location: { lon: -99.05, lat: 19.35 },
    accuracy: 12,
    locationSource: 'gps',
    photos: [PHOTO],
    ...overrides,
  };
}

async function lastMutationId(): Promise<number> {
  return (await db.outbox.orderBy('id').last())?.id ?? 0;
}

describe('tour notes repository', () => {
  it('creates a note on a tour, with the process from the session and the time it was taken, queued for sync', async () => {
    const before = await lastMutationId();
    const started = Date.now();
    const id = await createTourNote(db, tourId, aNote());

    const note = await getTourNote(db, id);
    expect(note).toMatchObject({
      id,
      processId,
      sessionId: tourId,
      theme: 'water',
      severity: 'high',
      location: { lon: -99.05, lat: 19.35 },
      accuracy: 12,
      locationSource: 'gps',
      photos: [PHOTO],
    });
    expect(Date.parse(note!.takenAt)).toBeGreaterThanOrEqual(started - 1000);
    const outbox = (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > before);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ entity: 'tourNote', recordId: id, op: 'put' });
  });

  it('saves a note without any position', async () => {
    const id = await createTourNote(
      db,
      tourId,
      aNote({ location: null, accuracy: null, locationSource: 'none', photos: [] }),
    );
    expect(await getTourNote(db, id)).toMatchObject({ locationSource: 'none', photos: [] });
  });

  it('refuses a note on a missing or deleted tour, and an invalid note, writing nothing', async () => {
    await expect(createTourNote(db, newId(), aNote())).rejects.toBeInstanceOf(NotFoundError);
    await expect(createTourNote(db, tourId, aNote({ description: 'x' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    const other = await createSession(db, aSession(processId, { type: 'territorial_tour' }));
    await deleteSession(db, other);
    await expect(createTourNote(db, other, aNote())).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.tourNotes.count()).toBe(0);
  });

  it('lists the notes of one tour only, newest first', async () => {
    const otherTour = await createSession(db, aSession(processId, { type: 'territorial_tour' }));
    const older = await createTourNote(db, tourId, aNote({ takenAt: '2026-11-20T16:00:00.000Z' }));
    const newer = await createTourNote(db, tourId, aNote({ takenAt: '2026-11-20T17:30:00.000Z' }));
    await createTourNote(db, otherTour, aNote({ takenAt: '2026-11-20T18:00:00.000Z' }));

    expect((await listSessionTourNotes(db, tourId)).map((n) => n.id)).toEqual([newer, older]);
    expect(await listSessionTourNotes(db, newId())).toEqual([]);
  });

  it('an edit writes only the fields that changed', async () => {
    const id = await createTourNote(db, tourId, aNote());
    const before = await lastMutationId();
    await updateTourNote(db, id, { ...aNote(), severity: 'medium', location: null, locationSource: 'none' });

    const outbox = (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > before);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      op: 'put',
      fields: { severity: 'medium', location: null, locationSource: 'none' },
    });
    expect(Object.keys((outbox[0] as { fields: object }).fields).sort()).toEqual([
      'location',
      'locationSource',
      'severity',
    ]);
    expect(await getTourNote(db, id)).toMatchObject({ severity: 'medium', location: null, theme: 'water' });

    // Nothing changed: nothing written.
    const after = await lastMutationId();
    await updateTourNote(db, id, { severity: 'medium' });
    expect(await lastMutationId()).toBe(after);
  });

  it('deletes a note: gone from the lists and from reads, with a tombstone queued', async () => {
    const id = await createTourNote(db, tourId, aNote());
    await deleteTourNote(db, id);
    expect(await getTourNote(db, id)).toBeNull();
    expect(await listSessionTourNotes(db, tourId)).toEqual([]);
    expect((await db.outbox.orderBy('id').last())?.op).toBe('delete');
    await expect(updateTourNote(db, id, { severity: 'low' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteTourNote(db, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
