/**
 * HTTP client of the sync protocol. Plain fetch, no React, no storage: the
 * caller supplies the base URL and the token. Every failure becomes an
 * `ApiError` whose `code` is the server's error code, or `network` when the
 * server could not be reached (offline, DNS, connection cut mid-response).
 */
import type {
  Account,
  CreateAccountRequest,
  DeviceView,
  EnrolmentView,
  IssuedEnrolment,
  PasswordReset,
  RedeemEnrolmentRequest,
  UpdateAccountRequest,
  ImportReport,
  LoginRequest,
  LoginResponse,
  PullResponse,
  PushRequest,
  PushResponse,
  AskReviewRequest,
  DismissReviewRequest,
  ResolveReviewRequest,
  ReviewItem,
  ReviewItemDetail,
  ReviewItemState,
  ReviewNotice,
  TerritoryImportReport,
  UnsyncedFile,
  User,
  UserSummary,
} from '../../domain';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth retrying later: the network, the server's own trouble, or a rate limit. */
  get retriable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** The server's error body (`{ error: { code, message, details } }`) as an ApiError; any other body gives `http_<status>`. */
export function apiErrorOf(status: number, statusText: string, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown[] } } | undefined)
    ?.error;
  return new ApiError(status, err?.code ?? `http_${status}`, err?.message ?? statusText, err?.details ?? []);
}

/** The request never got an answer (offline, refused, cut, timed out). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
}

/** A failed answer read as an ApiError (its body when it is the server's JSON error). */
export async function errorOfResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  return apiErrorOf(response.status, response.statusText, body);
}

/** How an HTTP client of the server is made: the API client here, and the blobs client (blobs-api.ts). */
export interface HttpOptions {
  baseUrl?: string;
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  fetch?: typeof fetch;
  /** Abort a request that has not answered by then (ms). */
  timeoutMs?: number;
}

export type ApiClientOptions = HttpOptions;

/** One request of `sendRequest`: its method and headers, its body, and whether it carries the token. */
export interface HttpRequest {
  method: string;
  headers: Record<string, string>;
  body?: BodyInit;
  /** Send the token as a bearer (default: yes). */
  auth?: boolean;
}

/**
 * The one way a client here sends a request to `/api/v1<path>`: the token as a bearer, never from
 * the HTTP cache, aborted after the timeout (`defaultTimeoutMs` unless the options say otherwise).
 * `read` takes the whole answer inside the same try, so a connection cut mid-answer is a `network`
 * failure like no answer at all; the status is left to the caller.
 */
export function requestSender(options: HttpOptions, defaultTimeoutMs: number) {
  const base = (options.baseUrl ?? '').replace(/\/$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;

  return async function sendRequest<T>(
    path: string,
    { method, headers, body, auth = true }: HttpRequest,
    read: (response: Response) => Promise<T>,
  ): Promise<{ response: Response; answer: T }> {
    if (auth) {
      const token = await options.getToken?.();
      if (token) headers.authorization = `Bearer ${token}`;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(`${base}/api/v1${path}`, {
        method,
        headers,
        body,
        signal: controller.signal,
        cache: 'no-store',
      });
      return { response, answer: await read(response) };
    } catch (cause) {
      throw networkError(cause);
    } finally {
      clearTimeout(timer);
    }
  };
}

export interface ApiClient {
  login(body: LoginRequest): Promise<LoginResponse>;
  logout(): Promise<void>;
  me(): Promise<User>;
  setupStatus(): Promise<{ needsSetup: boolean }>;
  setup(body: {
    code: string;
    username: string;
    displayName: string;
    password: string;
    deviceLabel: string;
  }): Promise<LoginResponse>;
  push(body: PushRequest): Promise<PushResponse>;
  /** `estimate`: also ask how many records are still to come (`remaining`), for a first download's progress. */
  pull(cursor: string | null, limit?: number, options?: { estimate?: boolean }): Promise<PullResponse>;
  /** Accounts (all of them for coordinators and admins). */
  listUsers(): Promise<{ users: UserSummary[] }>;
  /** A user's devices (login tokens); own ones when `userId` is omitted. */
  listDevices(userId?: string): Promise<{ devices: DeviceView[] }>;
  revokeDevice(deviceId: string): Promise<DeviceView>;
  /** The accounts the caller manages (coordinators and admins). */
  listAccounts(): Promise<{ accounts: Account[] }>;
  createUser(body: CreateAccountRequest): Promise<User>;
  updateAccount(id: string, body: UpdateAccountRequest): Promise<Account>;
  /** Replaces the account's password with a one-time code, shown once. */
  resetPassword(id: string): Promise<PasswordReset>;
  issueEnrolmentCode(userId: string): Promise<IssuedEnrolment>;
  listEnrolmentCodes(): Promise<{ codes: EnrolmentView[] }>;
  revokeEnrolmentCode(id: string): Promise<EnrolmentView>;
  /** A device's one-time enrolment code for its own token (no token needed). */
  enrol(body: RedeemEnrolmentRequest): Promise<LoginResponse>;
  /** Applies a device's unsynced-changes file on the server (coordinators and admins). */
  importUnsynced(file: UnsyncedFile): Promise<ImportReport>;
  /** Imports neighbourhood units from a GeoJSON FeatureCollection (coordinators and admins). */
  importTerritory(geojson: unknown): Promise<TerritoryImportReport>;
  // The review queue (coordinators and admins) and the caller's notices from it.
  listReviewItems(filter?: { state?: ReviewItemState; userId?: string }): Promise<{ items: ReviewItem[] }>;
  getReviewItem(id: string): Promise<ReviewItemDetail>;
  resolveReviewItem(id: string, body: ResolveReviewRequest): Promise<ReviewItemDetail>;
  dismissReviewItem(id: string, body: DismissReviewRequest): Promise<ReviewItemDetail>;
  askReviewItem(id: string, body: AskReviewRequest): Promise<ReviewItemDetail>;
  /** What coordinators did with the caller's own changes at or after `since`. */
  reviewNotices(since?: string | null): Promise<{ notices: ReviewNotice[] }>;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const sendRequest = requestSender(options, 60_000);

  async function request<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const { response, answer: text } = await sendRequest(
      path,
      { method, headers, body: body === undefined ? undefined : JSON.stringify(body), auth },
      (received) => received.text(),
    );
    let json: unknown = undefined;
    if (text) {
      try {
        json = JSON.parse(text);
      } catch {
        throw new ApiError(
          response.status || 502,
          'invalid_response',
          'the server answered with something that is not JSON',
        );
      }
    }
    if (!response.ok) throw apiErrorOf(response.status, response.statusText, json);
    return json as T;
  }

  return {
    login: (body) => request('POST', '/auth/login', body, false),
    logout: () => request('POST', '/auth/logout', {}),
    me: () => request('GET', '/auth/me'),
    setupStatus: () => request('GET', '/setup', undefined, false),
    setup: (body) => request('POST', '/setup', body, false),
    push: (body) => request('POST', '/sync/push', body),
    pull: (cursor, limit, options) => {
      const q = new URLSearchParams();
      if (cursor) q.set('cursor', cursor);
      if (limit) q.set('limit', String(limit));
      if (options?.estimate) q.set('estimate', '1');
      const qs = q.toString();
      return request('GET', `/sync/pull${qs ? `?${qs}` : ''}`);
    },
    listUsers: () => request('GET', '/users'),
    listDevices: (userId) =>
      request('GET', `/auth/devices${userId ? `?${new URLSearchParams({ userId }).toString()}` : ''}`),
    revokeDevice: (deviceId) => request('POST', `/auth/devices/${encodeURIComponent(deviceId)}/revoke`, {}),
    listAccounts: () => request('GET', '/accounts'),
    createUser: (body) => request('POST', '/users', body),
    updateAccount: (id, body) => request('PATCH', `/accounts/${encodeURIComponent(id)}`, body),
    resetPassword: (id) => request('POST', `/accounts/${encodeURIComponent(id)}/reset-password`, {}),
    issueEnrolmentCode: (userId) => request('POST', '/enrolment-codes', { userId }),
    listEnrolmentCodes: () => request('GET', '/enrolment-codes'),
    revokeEnrolmentCode: (id) => request('POST', `/enrolment-codes/${encodeURIComponent(id)}/revoke`, {}),
    enrol: (body) => request('POST', '/auth/enrol', body, false),
    importUnsynced: (file) => request('POST', '/sync/import', file),
    importTerritory: (geojson) => request('POST', '/territory/import', geojson),
    listReviewItems: (filter = {}) => {
      const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => !!v)).toString();
      return request('GET', `/review/items${qs ? `?${qs}` : ''}`);
    },
    getReviewItem: (id) => request('GET', `/review/items/${encodeURIComponent(id)}`),
    resolveReviewItem: (id, body) => request('POST', `/review/items/${encodeURIComponent(id)}/resolve`, body),
    dismissReviewItem: (id, body) => request('POST', `/review/items/${encodeURIComponent(id)}/dismiss`, body),
    askReviewItem: (id, body) => request('POST', `/review/items/${encodeURIComponent(id)}/ask`, body),
    reviewNotices: (since) =>
      request('GET', `/review/notices${since ? `?${new URLSearchParams({ since }).toString()}` : ''}`),
  };
}
