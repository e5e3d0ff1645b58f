/**
 * HTTP client of the blob endpoints (spec: Blobs; resumable chunks: ADR
 * 0002). Plain fetch, no storage: the caller supplies the base URL and the
 * token. Failures are `ApiError`s like the rest of the API client, with
 * status 0 / `network` when the connection failed or was cut.
 */
import { ApiError, errorOfResponse, requestSender, type HttpOptions } from './api-client';

export type HeadResult = { stored: true } | { stored: false; offset: number };
export type PutResult = { stored: true; created: boolean } | { stored: false; offset: number };

export type BlobsApiOptions = HttpOptions;

export interface BlobsApi {
  head(sha256: string): Promise<HeadResult>;
  /** Sends `bytes` as the whole blob, or as bytes `start`… of a `total`-byte blob when `range` is given. */
  put(
    sha256: string,
    mime: string,
    bytes: Blob,
    range?: { start: number; total: number },
  ): Promise<PutResult>;
  get(sha256: string): Promise<Blob>;
}

function offsetOf(response: Response, fallback = 0): number {
  const raw = response.headers.get('upload-offset');
  const value = raw === null ? NaN : Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

export function createBlobsApi(options: BlobsApiOptions = {}): BlobsApi {
  // A request that has not finished after two minutes is aborted: a 1 MiB chunk on a slow link needs time.
  const sendRequest = requestSender(options, 120_000);

  async function send(method: string, sha256: string, headers: Record<string, string>, body?: Blob) {
    const { response, answer: bytes } = await sendRequest(
      `/blobs/${sha256}`,
      { method, headers, body },
      async (received) => (method === 'HEAD' ? null : received.blob()),
    );
    return { response, bytes };
  }

  async function failure(response: Response, bytes: Blob | null): Promise<ApiError> {
    return errorOfResponse(new Response(bytes, { status: response.status, headers: response.headers }));
  }

  return {
    async head(sha256) {
      const { response } = await send('HEAD', sha256, {});
      if (response.status === 200) return { stored: true };
      if (response.status === 404) return { stored: false, offset: offsetOf(response) };
      throw new ApiError(response.status, `http_${response.status}`, response.statusText);
    },

    async put(sha256, mime, bytes, range) {
      const headers: Record<string, string> = { 'content-type': mime, accept: 'application/json' };
      if (range) {
        const end = range.start + bytes.size - 1;
        headers['content-range'] = `bytes ${range.start}-${end}/${range.total}`;
      }
      const { response, bytes: answer } = await send('PUT', sha256, headers, bytes);
      if (response.status === 200 || response.status === 201)
        return { stored: true, created: response.status === 201 };
      if (response.status === 202) return { stored: false, offset: offsetOf(response) };
      throw await failure(response, answer);
    },

    async get(sha256) {
      const { response, bytes } = await send('GET', sha256, { accept: '*/*' });
      if (!response.ok || !bytes) throw await failure(response, bytes);
      return bytes;
    },
  };
}
