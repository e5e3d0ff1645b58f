/**
 * What the sync engine reports: its status for screens (phase, clock skew,
 * re-stamped changes, first download's progress) and the result of one
 * cycle.
 */
import type { RestampedChanges } from '../data/db';

export type SyncPhase = 'idle' | 'syncing' | 'error' | 'needs_login';

export interface SyncStatus {
  online: boolean;
  phase: SyncPhase;
  lastSyncAt: string | null;
  /** Code of the last failure (`network`, `unauthenticated`, a server code…), cleared by a successful cycle. */
  lastError: string | null;
  /** Device clock minus server clock, from the last answer (ms). */
  clockSkewMs: number | null;
  /** Changes of this device the server stored with its own time because the device's was far ahead. */
  restamped?: RestampedChanges | null;
  /**
   * While a device that never synced downloads for the first time: the records received so far
   * and the server's estimate of the total (null when the server gives none); null otherwise.
   */
  download?: DownloadProgress | null;
}

export interface DownloadProgress {
  received: number;
  total: number | null;
}

export interface CycleResult {
  ok: boolean;
  pushed: number;
  rejected: number;
  pulled: number;
  /** Photos and audio the server confirmed during the cycle. */
  blobsConfirmed?: number;
  /** Changes the server stored with its own time during the cycle (`clock_ahead`). */
  restamped?: number;
  error?: string;
}
