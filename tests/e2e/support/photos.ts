/** Photos for the end-to-end specs: a camera-sized JPEG made in the page, and the device's stored copies. */
import type { Page } from '@playwright/test';

/** A 3000 × 2000 JPEG with `caption` on a gradient, as a tablet's camera would make it. */
export async function cameraPhoto(page: Page, caption: string, colours: [string, string]): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ([text, from, to]) => {
      const canvas = new OffscreenCanvas(3000, 2000);
      const ctx = canvas.getContext('2d')!;
      const gradient = ctx.createLinearGradient(0, 0, 3000, 2000);
      gradient.addColorStop(0, from);
      gradient.addColorStop(1, to);
      ctx.fillStyle = gradient;
      ctx.fillRect(0, 0, 3000, 2000);
      ctx.fillStyle = '#ffffff';
      ctx.font = '200px sans-serif';
      ctx.fillText(text, 300, 1000);
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 })).arrayBuffer(),
      );
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    [caption, colours[0], colours[1]] as const,
  );
  return Buffer.from(base64, 'base64');
}

export interface DeviceBlob {
  sha256: string;
  width?: number;
  height?: number;
  mime: string;
  size: number;
  status: string;
}

/** The device's copies of photos, read straight from IndexedDB. */
export function deviceBlobs(page: Page): Promise<DeviceBlob[]> {
  return page.evaluate(
    () =>
      new Promise<DeviceBlob[]>((resolve, reject) => {
        const open = indexedDB.open('tequio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('blobs').objectStore('blobs').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            const rows = request.result as (Omit<DeviceBlob, 'size'> & { bytes: Blob })[];
            resolve(rows.map(({ bytes, ...rest }) => ({ ...rest, size: bytes.size })));
          };
        };
      }),
  );
}

/** Makes the device's confirmed photos look `days` old: confirmed and last shown that long ago. */
export function ageDevicePhotos(page: Page, days: number): Promise<void> {
  const then = new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString();
  return page.evaluate(
    (at) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tequio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('blobs', 'readwrite');
          const cursor = tx.objectStore('blobs').openCursor();
          cursor.onsuccess = () => {
            const row = cursor.result;
            if (!row) return;
            row.update({ ...(row.value as object), confirmedAt: at, lastUsedAt: at });
            row.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    then,
  );
}

/** The photos the device freed to make room (their hashes). */
export function evictedDeviceBlobs(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tequio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('evictedBlobs').objectStore('evictedBlobs').getAllKeys();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as string[]);
          };
        };
      }),
  );
}
