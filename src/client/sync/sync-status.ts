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
   * While a device that never synced downloads for the first time, or any pull runs longer than
   * one page: the records received so far, the server's estimate of the total (null when the
   * server gives none) and of the time left; null otherwise.
   */
  download?: DownloadProgress | null;
}

export interface DownloadProgress {
  received: number;
  total: number | null;
  /** About how long the rest will take at the pace so far (ms); null until it can be told. */
  timeLeftMs?: number | null;
  /** True on a device's first download; false for a long pull of a device that has synced before. */
  first?: boolean;
}

/**
 * Time left at the pace so far: the records still to come over the records per ms received
 * since the pull began. Null without a total, before any record or before half a second has
 * passed (too little to tell a pace from).
 */
export function estimateTimeLeft(received: number, total: number | null, elapsedMs: number): number | null {
  if (total === null || received <= 0 || elapsedMs < 500) return null;
  return (Math.max(0, total - received) / received) * elapsedMs;
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
