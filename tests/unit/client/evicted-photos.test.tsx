/**
 * Photos freed on the device to make room, on screen over the real data layer (Dexie on
 * fake-indexeddb): offline a placeholder that says the server keeps them, online downloaded
 * again with the device token, and counted on /sync.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { evictBlobs, storeBlob } from '../../../src/client/data/blobs.repository';
import { TequioDb } from '../../../src/client/data/db';
import { SyncPage } from '../../../src/client/features/sync-status/sync-page';
import { PhotoThumb } from '../../../src/client/widgets/photos/photo-picker';
import type { BlobRef } from '../../../src/domain';

let db: TequioDb;
let online = true;

beforeEach(async () => {
  db = new TequioDb(`ui-evicted-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
  await db.setMeta('account', {
    token: 'device-token',
    user: {
      id: 'u-1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'facilitator',
      scope: { kind: 'processes' },
    },
  });
  online = true;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:photo-${++n}`);
  URL.revokeObjectURL = vi.fn();
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'onLine');
  db.close();
  await Dexie.delete(db.name);
});

const PHOTO_TEXT = 'asamblea'.padEnd(1000, '.');

/** A photo the server confirmed long ago and the device then freed. */
async function evictedPhoto(text = PHOTO_TEXT): Promise<BlobRef> {
  const ref = await storeBlob(db, new Blob([text], { type: 'image/jpeg' }), { width: 1600, height: 1067 });
  await db.blobs.update(ref.sha256, { status: 'uploaded', confirmedAt: '2026-10-01T12:00:00.000Z' });
  expect((await evictBlobs(db, [ref.sha256])).evicted).toBe(1);
  return { ...ref, width: 1600, height: 1067 };
}

/** The server: answers the blob GET with `text`, and records what was asked. */
function fakeServer(text = PHOTO_TEXT) {
  const requests: { url: string; authorization: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      requests.push({ url: String(url), authorization: new Headers(init?.headers).get('authorization') });
      return new Response(text, { status: 200, headers: { 'content-type': 'image/jpeg' } });
    }),
  );
  return requests;
}

describe('a photo the device freed', () => {
  it('offline is a placeholder that says the server keeps it, and shows once the connection is back', async () => {
    const photo = await evictedPhoto();
    const requests = fakeServer();
    online = false;
    render(<PhotoThumb photo={photo} alt="Foto 1 de la sesión" />);

    const placeholder = await screen.findByRole('img', { name: 'Foto 1 de la sesión' });
    await waitFor(() =>
      expect(placeholder).toHaveAccessibleDescription(
        'Foto guardada en el servidor; se verá al recuperar la conexión',
      ),
    );
    expect(placeholder).toHaveTextContent('Foto guardada en el servidor; se verá al recuperar la conexión');
    expect(requests).toEqual([]);

    online = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(screen.getByRole('img', { name: 'Foto 1 de la sesión' }).tagName).toBe('IMG'));
    expect(screen.getByRole('img', { name: 'Foto 1 de la sesión' })).toHaveAttribute('width', '1600');
    expect(requests).toEqual([
      { url: `/api/v1/blobs/${photo.sha256}`, authorization: 'Bearer device-token' },
    ]);
    // Kept again as a confirmed copy: the next time it shows offline.
    const row = await db.blobs.get(photo.sha256);
    expect(row).toMatchObject({ status: 'uploaded', size: 1000, width: 1600 });
    expect(await db.evictedBlobs.count()).toBe(0);
  });

  it('online is downloaded at once', async () => {
    const photo = await evictedPhoto();
    const requests = fakeServer();
    render(<PhotoThumb photo={photo} alt="Foto 1 de la sesión" />);
    await waitFor(() =>
      expect(screen.getByRole('img', { name: 'Foto 1 de la sesión' })).toHaveAttribute('src', 'blob:photo-1'),
    );
    expect(requests).toHaveLength(1);
  });

  it('online, a photo the server does not give is said so (not a broken image)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ error: { code: 'not_found', message: 'Not found' } }, { status: 404 }),
      ),
    );
    render(<PhotoThumb photo={{ sha256: 'b'.repeat(64), mime: 'image/jpeg' }} alt="Foto 3 de la sesión" />);
    const placeholder = await screen.findByRole('img', { name: 'Foto 3 de la sesión' });
    await waitFor(() =>
      expect(placeholder).toHaveAccessibleDescription('No se pudo obtener la foto del servidor'),
    );
    expect(placeholder.tagName).toBe('SPAN');
  });

  it('a photo this device never held is, offline, not claimed to be on the server', async () => {
    fakeServer();
    online = false;
    render(<PhotoThumb photo={{ sha256: 'a'.repeat(64), mime: 'image/jpeg' }} alt="Foto 2 de la sesión" />);
    const placeholder = await screen.findByRole('img', { name: 'Foto 2 de la sesión' });
    await waitFor(() => expect(placeholder).toHaveAccessibleDescription('Foto no disponible sin conexión'));
  });

  it('the sync page counts the photos freed and says they download when viewed', async () => {
    await evictedPhoto('plaza'.padEnd(1500, '.'));
    await evictedPhoto('mercado'.padEnd(1500, '.'));
    render(
      <MemoryRouter>
        <SyncPage
          status={{ online: true, phase: 'idle', lastSyncAt: null, lastError: null, clockSkewMs: null }}
          onSyncNow={() => undefined}
        />
      </MemoryRouter>,
    );
    expect(await screen.findByText('Espacio liberado')).toBeInTheDocument();
    expect(screen.getByText('2 fotos liberadas (3 kB); se descargan al verlas')).toBeInTheDocument();
  });
});
