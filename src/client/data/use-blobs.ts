/**
 * Photos and audio for screens (blobs.repository.ts). A photo comes from the
 * device's copy; one the device freed under storage pressure (or never
 * held) is downloaded with the device token when online and kept again.
 * Offline such a photo is a placeholder that says the server keeps it, and
 * it is fetched as soon as the connection is back.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../net/api-client';
import { createBlobsApi } from '../net/blobs-api';
import { accountToken } from './account.repository';
import { storePhotoMakingRoom } from './blob-eviction';
import { evictedBlobsSummary, isEvicted, loadBlob } from './blobs.repository';
import { getDb } from './current-db';
import { liveReadOr } from './device-bindings';

export { StorageFullError, UnsupportedBlobError } from './blobs.repository';

export type PhotoView =
  | { state: 'loading' }
  | { state: 'shown'; url: string }
  /** Offline (or the server out of reach); `evicted`: the device freed it and the server holds it. */
  | { state: 'offline'; evicted: boolean }
  /** The server could not give it (not stored yet by the device that took it, or not readable). */
  | { state: 'unavailable' };

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/**
 * A photo's or audio's bytes from the server, with the device token (for a photo the device does
 * not hold, here and in the office's photo export). Offline it does not even try the network.
 */
export async function downloadBlob(sha256: string): Promise<Blob> {
  if (isOffline()) throw new ApiError(0, 'network', 'offline');
  return createBlobsApi({ getToken: accountToken(getDb()) }).get(sha256);
}

/**
 * A photo to show: an object URL (freed on unmount) of the device's copy, or
 * of the server's when the device has none. Tries again when the browser
 * comes back online.
 */
export function usePhoto(sha256: string): PhotoView {
  const [view, setView] = useState<PhotoView>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    let loading = false;
    const load = () => {
      if (loading || made) return;
      loading = true;
      const db = getDb();
      loadBlob(db, sha256, downloadBlob).then(
        (bytes) => {
          loading = false;
          if (!live) return;
          made = URL.createObjectURL(bytes);
          setView({ state: 'shown', url: made });
        },
        async (error: unknown) => {
          loading = false;
          if (!live) return;
          const network = isOffline() || (error instanceof ApiError && error.status === 0);
          if (!network) return setView({ state: 'unavailable' });
          const evicted = await isEvicted(db, sha256).catch(() => false);
          if (live) setView({ state: 'offline', evicted });
        },
      );
    };
    setView({ state: 'loading' });
    load();
    window.addEventListener('online', load);
    return () => {
      live = false;
      window.removeEventListener('online', load);
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  return view;
}

const NONE_FREED = { count: 0, bytes: 0 };

/** Photos and audio freed on this device to make room (the server holds them): count and bytes. */
export const useEvictedBlobs = liveReadOr(evictedBlobsSummary, NONE_FREED);

/**
 * Stores a photo on the device, downscaled (the same photo twice is one
 * copy); the returned reference goes into the record, the bytes upload on
 * the next sync. When the device is full, confirmed copies are freed first
 * (blob-eviction.ts). Throws StorageFullError / UnsupportedBlobError.
 */
export const storePhoto = (file: Blob) => storePhotoMakingRoom(getDb(), file);
