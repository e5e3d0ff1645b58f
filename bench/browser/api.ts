/**
 * What the benchmark page exposes on `window.bench` (bench/browser/main.ts),
 * shared with the Node side that drives it through Playwright.
 */
import type { User } from '../../src/domain';

export interface PullTiming {
  /** Whole sync cycle of the real engine on a fresh database (ms). */
  ms: number;
  /** Of which waiting for the pull pages and parsing them (ms). */
  networkMs: number;
  pages: number;
  pulled: number;
  /** Records in the device's entity tables afterwards. */
  stored: number;
  ok: boolean;
  error?: string;
}

export interface BenchApi {
  pull(account: { token: string; user: User }, pullLimit?: number): Promise<PullTiming>;
  /** One fetch of the same bytes the pull pages carried (a JSON array of the pages); keeps them for rawBulkPut. */
  rawFetch(url: string): Promise<{ ms: number; bytes: number; records: number }>;
  /** One Dexie bulkPut per table, in one transaction, of the records rawFetch got, on a fresh database. */
  rawBulkPut(): Promise<{ ms: number; records: number }>;
  /** PouchDB (IndexedDB adapter) replicating the remote CouchDB database onto a fresh local one. */
  pouchReplicate(url: string, batchSize?: number): Promise<{ ms: number; docs: number }>;
  /**
   * A device's offline work reaching the server: `count` tour notes written through the app's
   * repository path (record + outbox in one transaction each) on a fresh database, then the real
   * engine pushes them; `pushMs` ends when the last push is acknowledged (the pull after it is not counted).
   */
  devicePush(
    account: { token: string; user: User },
    processId: string,
    sessionId: string,
    count: number,
  ): Promise<{
    writeMs: number;
    pushMs: number;
    pushed: number;
    batches: number;
    ok: boolean;
    error?: string;
  }>;
  /** Deletes every database the bench made in this origin. */
  cleanup(): Promise<void>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
