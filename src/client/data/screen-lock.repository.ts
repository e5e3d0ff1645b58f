/**
 * The screen lock: while a screen is handed to residents (a secret ballot
 * passed from hand to hand, a survey later), the app shows only that screen
 * until whoever facilitates unlocks it with a PIN. Plain functions over the
 * device database; the lock lives in `meta` (device only, never synced), so
 * a reload, a crash or a new tab opens locked again.
 *
 * Why a PIN, and how it is kept:
 * - A PIN of 4–8 digits chosen when locking, not the account password: it is
 *   typed in front of the assembly, so it must be short, and an account
 *   password seen over a shoulder would give away the account. Checking it
 *   needs nothing but this device, so it works offline.
 * - Only a salted hash is stored: PBKDF2 with SHA-256 (Web Crypto, in every
 *   browser the app supports), a random 16-byte salt per lock and
 *   `LOCK_POLICY.iterations` rounds. Nobody reading the device's storage
 *   reads the PIN (people reuse PINs), and each guess costs a derivation.
 * - A short PIN cannot resist someone who copies the database and tries all
 *   10⁴–10⁸ values; what it stops is the person holding the tablet. Against
 *   them the lock counts wrong tries on the device: after
 *   `LOCK_POLICY.freeAttempts` it makes them wait, twice as long after each
 *   further miss. The count survives reloads.
 * - A forgotten PIN must not strand a device full of unsynced work: with a
 *   connection, the person signed in on it may unlock it with their account
 *   password, which the server checks (`unlockWithAccountPassword`).
 */
import type { TequioDb } from './db';

/** Not one of the typed meta keys: only this module reads and writes it. */
const SCREEN_LOCK_KEY = 'screenLock';

export const PIN_PATTERN = /^\d{4,8}$/;

export const LOCK_POLICY = {
  /** PBKDF2 rounds: ~0.1 s on a budget tablet, so a wrong try costs little to a person and much to a script. */
  iterations: 100_000,
  /** Wrong PINs accepted without waiting. */
  freeAttempts: 5,
  /** The wait after the last free attempt; doubled after each further miss… */
  firstDelayMs: 30_000,
  /** …up to this. */
  maxDelayMs: 15 * 60_000,
} as const;

/** What a locking screen asks for: where the device stays, and why (which locked view shows it). */
export interface ScreenLockRequest {
  /** The app path the locked screen shows, e.g. `/rounds/<id>`. */
  returnTo: string;
  /** Which locked view renders it, e.g. `ballot`. */
  reason: string;
}

interface PinHash {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** Base64. */
  salt: string;
  /** Base64, 32 bytes. */
  hash: string;
}

interface StoredLock extends ScreenLockRequest {
  lockedAt: string;
  pin: PinHash;
  failedAttempts: number;
  /** No PIN is checked before this time (ISO-8601); null while tries are free. */
  retryAfter: string | null;
}

/** The lock as screens see it: never the hash. */
export type ScreenLockState = Omit<StoredLock, 'pin'>;

export type UnlockResult =
  | { ok: true; returnTo: string }
  /** The PIN was wrong; `attemptsLeft` before a wait (0 once waits have started). */
  | {
      ok: false;
      reason: 'wrong_pin';
      failedAttempts: number;
      attemptsLeft: number;
      retryAfter: string | null;
    }
  /** Too many wrong tries: not checked, try again after `retryAfter`. */
  | { ok: false; reason: 'wait'; retryAfter: string }
  /** Nothing was locked (another tab unlocked meanwhile). */
  | { ok: false; reason: 'not_locked' };

export class ScreenLockError extends Error {
  constructor(readonly reason: 'invalid_pin' | 'already_locked' | 'invalid_path') {
    super(`Screen lock refused: ${reason}`);
    this.name = 'ScreenLockError';
  }
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** PBKDF2-SHA-256 of the PIN with this salt: 32 bytes. */
export async function hashPin(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Compares every byte whatever the first difference, so timing tells nothing. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function isStoredLock(value: unknown): value is StoredLock {
  if (!value || typeof value !== 'object') return false;
  const lock = value as Partial<StoredLock>;
  return (
    typeof lock.returnTo === 'string' &&
    typeof lock.reason === 'string' &&
    typeof lock.pin?.hash === 'string' &&
    typeof lock.pin.salt === 'string'
  );
}

async function readStored(db: TequioDb): Promise<StoredLock | null> {
  const value: unknown = (await db.meta.get(SCREEN_LOCK_KEY))?.value;
  return isStoredLock(value) ? value : null;
}

/** The lock in force on this device, or null. */
export async function readScreenLock(db: TequioDb): Promise<ScreenLockState | null> {
  const stored = await readStored(db);
  if (!stored) return null;
  const { pin: _pin, ...state } = stored;
  return state;
}

/** How long the device waits after `failedAttempts` wrong PINs (0 while tries are free). */
export function unlockDelayMs(failedAttempts: number): number {
  const over = failedAttempts - LOCK_POLICY.freeAttempts;
  if (over < 0) return 0;
  return Math.min(LOCK_POLICY.firstDelayMs * 2 ** over, LOCK_POLICY.maxDelayMs);
}

/**
 * Locks the device on `returnTo` until `unlockScreen` gets the same PIN.
 * Refuses a PIN that is not 4–8 digits, a path outside the app, and a second
 * lock over one in force (its PIN would be lost).
 */
export async function lockScreen(
  db: TequioDb,
  request: ScreenLockRequest & { pin: string },
  options: { now?: Date; iterations?: number } = {},
): Promise<void> {
  if (!PIN_PATTERN.test(request.pin)) throw new ScreenLockError('invalid_pin');
  if (!request.returnTo.startsWith('/') || request.returnTo.startsWith('//'))
    throw new ScreenLockError('invalid_path');
  const iterations = options.iterations ?? LOCK_POLICY.iterations;
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await hashPin(request.pin, salt, iterations);
  const lock: StoredLock = {
    returnTo: request.returnTo,
    reason: request.reason,
    lockedAt: (options.now ?? new Date()).toISOString(),
    pin: { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) },
    failedAttempts: 0,
    retryAfter: null,
  };
  // The hash is ready before the transaction: a Dexie transaction cannot wait on Web Crypto.
  await db.transaction('rw', db.meta, async () => {
    if (await readStored(db)) throw new ScreenLockError('already_locked');
    await db.meta.put({ key: SCREEN_LOCK_KEY, value: lock });
  });
}

/**
 * Unlocks when `pin` is the lock's PIN. A wrong one is counted on the device;
 * after `LOCK_POLICY.freeAttempts` of them no PIN is even checked until the
 * wait is over.
 */
export async function unlockScreen(
  db: TequioDb,
  pin: string,
  options: { now?: Date } = {},
): Promise<UnlockResult> {
  const now = options.now ?? new Date();
  const lock = await readStored(db);
  if (!lock) return { ok: false, reason: 'not_locked' };
  if (lock.retryAfter && Date.parse(lock.retryAfter) > now.getTime())
    return { ok: false, reason: 'wait', retryAfter: lock.retryAfter };

  const right =
    PIN_PATTERN.test(pin) &&
    sameBytes(await hashPin(pin, fromBase64(lock.pin.salt), lock.pin.iterations), fromBase64(lock.pin.hash));

  return db.transaction('rw', db.meta, async (): Promise<UnlockResult> => {
    const current = await readStored(db);
    if (!current) return { ok: false, reason: 'not_locked' };
    if (right && current.pin.hash === lock.pin.hash) {
      await db.meta.delete(SCREEN_LOCK_KEY);
      return { ok: true, returnTo: current.returnTo };
    }
    // Counted on the stored value, so tries made at once in two tabs all count.
    const failedAttempts = current.failedAttempts + 1;
    const delay = unlockDelayMs(failedAttempts);
    const retryAfter = delay > 0 ? new Date(now.getTime() + delay).toISOString() : null;
    await db.meta.put({ key: SCREEN_LOCK_KEY, value: { ...current, failedAttempts, retryAfter } });
    return {
      ok: false,
      reason: 'wrong_pin',
      failedAttempts,
      attemptsLeft: Math.max(LOCK_POLICY.freeAttempts - failedAttempts, 0),
      retryAfter,
    };
  });
}

/**
 * The way out when the PIN is forgotten: the account signed in on this device
 * proves itself with its password, checked by `verify` (a sign-in against
 * the server, so it needs the network; its errors are thrown as they come).
 * On success the lock is lifted whatever its count of wrong PINs.
 */
export async function unlockWithAccountPassword(
  db: TequioDb,
  password: string,
  verify: (input: { username: string; password: string }) => Promise<void>,
): Promise<{ ok: true; returnTo: string } | { ok: false; reason: 'not_locked' | 'no_account' }> {
  const lock = await readStored(db);
  if (!lock) return { ok: false, reason: 'not_locked' };
  const account = await db.getMeta('account');
  if (!account) return { ok: false, reason: 'no_account' };
  await verify({ username: account.user.username, password });
  await db.meta.delete(SCREEN_LOCK_KEY);
  return { ok: true, returnTo: lock.returnTo };
}
