/**
 * HTTP client of the map pack endpoints: downloading a pack's PMTiles file
 * and, for coordinators, uploading one. Plain fetch, no storage: the caller
 * supplies the base URL and the token. Failures are `ApiError`s like the rest
 * of the API client, with status 0 / `network` when the connection failed.
 */
import { ApiError, errorOfResponse, networkError } from './api-client';

export interface MapPacksApiOptions {
  baseUrl?: string;
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
}

export interface MapPackUploadResult {
  id: string;
  sha256: string;
  size: number;
  /** False when the same file was already on the server (nothing changed). */
  created: boolean;
}

export interface MapPacksApi {
  /** A pack's file; `onProgress` receives the fraction received (0…1) when the size is known. */
  download(sha256: string, onProgress?: (fraction: number) => void): Promise<Blob>;
  /** Sends a .pmtiles file with its name; the pack's record arrives with the next sync. */
  upload(file: Blob, name: string): Promise<MapPackUploadResult>;
}

export function createMapPacksApi(options: MapPacksApiOptions = {}): MapPacksApi {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const auth = async (): Promise<Record<string, string>> => {
    const token = await options.getToken?.();
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  return {
    async download(sha256, onProgress) {
      const headers = await auth();
      try {
        const response = await doFetch(`${base}/api/v1/map-packs/${sha256}`, { headers, cache: 'no-store' });
        if (!response.ok) throw await errorOfResponse(response);
        const total = Number(response.headers.get('content-length')) || 0;
        if (!response.body || !onProgress || total <= 0) return await response.blob();
        const reader = response.body.getReader();
        const parts: Uint8Array<ArrayBuffer>[] = [];
        let received = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parts.push(value as Uint8Array<ArrayBuffer>);
          received += value.length;
          onProgress(Math.min(1, received / total));
        }
        return new Blob(parts);
      } catch (cause) {
        if (cause instanceof ApiError) throw cause;
        throw networkError(cause);
      }
    },

    async upload(file, name) {
      const headers = {
        'content-type': 'application/vnd.pmtiles',
        accept: 'application/json',
        ...(await auth()),
      };
      let response: Response;
      try {
        response = await doFetch(`${base}/api/v1/map-packs?name=${encodeURIComponent(name.trim())}`, {
          method: 'POST',
          headers,
          body: file,
          cache: 'no-store',
        });
      } catch (cause) {
        throw networkError(cause);
      }
      if (response.status !== 200 && response.status !== 201) throw await errorOfResponse(response);
      const body = (await response.json()) as { id: string; sha256: string; size: number };
      return { id: body.id, sha256: body.sha256, size: body.size, created: response.status === 201 };
    },
  };
}
