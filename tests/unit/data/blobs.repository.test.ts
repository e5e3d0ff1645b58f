import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { blobRefSchema, newId } from '../../../src/domain';
import {
  canvasResizer,
  evictConfirmedBlobs,
  isQuotaError,
  requeueConfirmedBlobs,
  sha256Hex,
  storeBlob,
  storePhoto,
  StorageFullError,
  UnsupportedBlobError,
  type ImageResizer,
} from '../../../src/client/data/blobs.repository';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession, updateSession } from '../../../src/client/data/sessions.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const bytesOf = (text: string) => new TextEncoder().encode(text);
const hex = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
/** A stand-in for the canvas: "downscales" by tagging the bytes, and reports a 1600 × 1200 result. */
const fakeResizer: ImageResizer = async (file) => ({
  blob: new Blob([await file.arrayBuffer(), bytesOf('|small')], { type: 'image/jpeg' }),
  width: 1600,
  height: 1200,
});

describe('storePhoto', () => {
  it('downscales on the device (long side 1600, q 0.8) and stores the result under its SHA-256', async () => {
    const resize = vi.fn(fakeResizer);
    const original = new File([bytesOf('a 4000 × 3000 photo')], 'foto.jpg', {
      type: 'image/jpeg',
      lastModified: Date.parse('2026-11-20T17:03:00Z'),
    });
    const ref = await storePhoto(db, original, { resize });
    expect(resize).toHaveBeenCalledWith(original, { maxSide: 1600, quality: 0.8 });
    const stored = bytesOf('a 4000 × 3000 photo|small');
    expect(ref).toEqual({
      sha256: hex(stored),
      mime: 'image/jpeg',
      width: 1600,
      height: 1200,
      takenAt: '2026-11-20T17:03:00.000Z',
    });
    expect(blobRefSchema.parse(ref)).toEqual(ref);
    const row = (await db.blobs.get(ref.sha256))!;
    expect(row).toMatchObject({ status: 'pending', uploadedBytes: 0, size: stored.length, width: 1600 });
    expect(new Uint8Array(await row.bytes.arrayBuffer())).toEqual(stored);
  });

  it('stores the same photo attached twice once', async () => {
    const photo = () => new Blob([bytesOf('the same photo')], { type: 'image/jpeg' });
    const first = await storePhoto(db, photo(), { resize: fakeResizer });
    const second = await storePhoto(db, photo(), { resize: fakeResizer });
    expect(second).toEqual(first);
    expect(await db.blobs.count()).toBe(1);
  });

  it('keeps the original when the image cannot be decoded here', async () => {
    const ref = await storePhoto(db, new Blob([bytesOf('heic')], { type: 'image/heic' }), {
      resize: async () => null,
    });
    expect(ref).toEqual({ sha256: hex(bytesOf('heic')), mime: 'image/heic' });
  });

  it('refuses what is not a photo, and audio over 20 MiB', async () => {
    await expect(storePhoto(db, new Blob(['x'], { type: 'text/plain' }))).rejects.toBeInstanceOf(
      UnsupportedBlobError,
    );
    await expect(storePhoto(db, new Blob(['<svg/>'], { type: 'image/svg+xml' }))).rejects.toBeInstanceOf(
      UnsupportedBlobError,
    );
    const big = new Blob([new Uint8Array(20 * 1024 * 1024 + 1)], { type: 'audio/webm' });
    await expect(storeBlob(db, big)).rejects.toMatchObject({ reason: 'too_large' });
    expect(await db.blobs.count()).toBe(0);
  });

  it('storage quota exceeded while saving a photo: the record is kept, the user is told', async () => {
    const processId = await createProcess(db, aProcess());
    const sessionId = await createSession(db, aSession(processId));
    const outboxBefore = await db.outbox.count();
    db.blobs.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const attempt = storePhoto(db, new Blob([bytesOf('photo')], { type: 'image/jpeg' }), {
      resize: fakeResizer,
    });
    await expect(attempt).rejects.toBeInstanceOf(StorageFullError);
    await expect(attempt).rejects.toMatchObject({ i18nKey: 'photos.storageFull' });

    // Nothing else was touched, and the session is still there and can still be saved.
    expect(await db.blobs.count()).toBe(0);
    expect(await db.outbox.count()).toBe(outboxBefore);
    expect((await db.sessions.get(sessionId))!.fields.title).toBe('Asamblea de arranque');
    await updateSession(db, sessionId, { notes: 'Sin foto: el dispositivo está lleno.' });
    expect((await db.sessions.get(sessionId))!.fields.notes).toBe('Sin foto: el dispositivo está lleno.');
    expect(await db.outbox.count()).toBe(outboxBefore + 1);
  });

  it('recognises quota errors however they are wrapped', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(undefined)).toBe(false);
  });

  it('the canvas resizer steps aside where there is no canvas (the original is kept)', async () => {
    expect(await canvasResizer(new Blob(['x'], { type: 'image/png' }), { maxSide: 1600, quality: 0.8 })).toBe(
      null,
    );
  });
});

describe('device copies', () => {
  it('hashes with SubtleCrypto exactly like the server', async () => {
    const data = bytesOf('Asamblea en la explanada');
    expect(await sha256Hex(new Blob([data]))).toBe(hex(data));
  });

  it('frees only confirmed copies, and a new epoch sends every kept copy back to pending', async () => {
    const pending = await storeBlob(db, new Blob(['a'], { type: 'audio/mpeg' }));
    const confirmed = await storeBlob(db, new Blob(['b'], { type: 'audio/mpeg' }));
    const kept = await storeBlob(db, new Blob(['c'], { type: 'audio/mpeg' }));
    await db.blobs.update(confirmed.sha256, { status: 'uploaded' });
    await db.blobs.update(kept.sha256, { status: 'uploaded' });
    await db.blobs.update(kept.sha256, { createdAt: '2999-01-01T00:00:00.000Z' });

    expect(await evictConfirmedBlobs(db, '2100-01-01T00:00:00.000Z')).toBe(1);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual(
      [pending.sha256, kept.sha256].sort(),
    );
    expect(await requeueConfirmedBlobs(db)).toBe(1);
    expect((await db.blobs.get(kept.sha256))!.status).toBe('pending');
  });
});
