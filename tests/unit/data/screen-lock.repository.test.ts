/** The screen lock: the PIN kept only as a salted hash, wrong PINs counted and slowed down, the lock kept across reopening. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import {
  LOCK_POLICY,
  ScreenLockError,
  hashPin,
  lockScreen,
  readScreenLock,
  unlockDelayMs,
  unlockScreen,
  unlockWithAccountPassword,
} from '../../../src/client/data/screen-lock.repository';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`lock-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

// Few rounds keep the tests fast; the derivation is the same.
const FAST = { iterations: 1_000 };
const BALLOT = { returnTo: '/rounds/r-1', reason: 'ballot' };
const T0 = new Date('2026-11-21T18:00:00.000Z');
const at = (ms: number) => ({ now: new Date(T0.getTime() + ms) });

describe('locking', () => {
  it('stores only a salted PBKDF2 hash of the PIN, never the PIN', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, { ...FAST, now: T0 });
    const row = await db.meta.get('screenLock');
    const text = JSON.stringify(row);
    expect(text).not.toContain('2468');
    const stored = row!.value as {
      pin: { algorithm: string; salt: string; hash: string; iterations: number };
    };
    expect(stored.pin.algorithm).toBe('PBKDF2-SHA-256');
    expect(stored.pin.iterations).toBe(1_000);
    expect(atob(stored.pin.salt)).toHaveLength(16);
    expect(atob(stored.pin.hash)).toHaveLength(32);
    // The screens see where the lock is and why, never the hash.
    expect(await readScreenLock(db)).toEqual({
      ...BALLOT,
      lockedAt: T0.toISOString(),
      failedAttempts: 0,
      retryAfter: null,
    });
  });

  it('salts every lock anew: the same PIN twice gives two different hashes', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    const first = (await db.meta.get('screenLock'))!.value as { pin: { hash: string; salt: string } };
    await unlockScreen(db, '2468');
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    const second = (await db.meta.get('screenLock'))!.value as { pin: { hash: string; salt: string } };
    expect(second.pin.salt).not.toBe(first.pin.salt);
    expect(second.pin.hash).not.toBe(first.pin.hash);
  });

  it('derives with PBKDF2-SHA-256 (a known vector)', async () => {
    // RFC 7914 §11 / RFC 6070-style vector for PBKDF2-HMAC-SHA-256: "passwd", salt "salt", 1 round.
    const bytes = await hashPin('passwd', new TextEncoder().encode('salt'), 1);
    expect(Buffer.from(bytes).toString('hex').slice(0, 32)).toBe('55ac046e56e3089fec1691c22544b605');
  });

  it('accepts only 4 to 8 digits, a path inside the app, and one lock at a time', async () => {
    for (const pin of ['123', '123456789', '12a4', '', ' 1234']) {
      await expect(lockScreen(db, { ...BALLOT, pin }, FAST)).rejects.toThrow(ScreenLockError);
    }
    await expect(
      lockScreen(db, { ...BALLOT, returnTo: 'https://example.com', pin: '1234' }, FAST),
    ).rejects.toThrow(ScreenLockError);
    await expect(lockScreen(db, { ...BALLOT, returnTo: '//example.com', pin: '1234' }, FAST)).rejects.toThrow(
      ScreenLockError,
    );
    expect(await readScreenLock(db)).toBeNull();
    await lockScreen(db, { ...BALLOT, pin: '12345678' }, FAST);
    await expect(lockScreen(db, { ...BALLOT, pin: '9999' }, FAST)).rejects.toMatchObject({
      reason: 'already_locked',
    });
    expect((await unlockScreen(db, '12345678')).ok).toBe(true);
  });
});

describe('unlocking', () => {
  it('opens with the right PIN and says where to go back to', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    expect(await unlockScreen(db, '2468')).toEqual({ ok: true, returnTo: '/rounds/r-1' });
    expect(await readScreenLock(db)).toBeNull();
    expect(await unlockScreen(db, '2468')).toEqual({ ok: false, reason: 'not_locked' });
  });

  it('refuses a wrong PIN, counting the tries left before a wait', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    expect(await unlockScreen(db, '1357', at(0))).toEqual({
      ok: false,
      reason: 'wrong_pin',
      failedAttempts: 1,
      attemptsLeft: 4,
      retryAfter: null,
    });
    // Not even a well-formed PIN: still a wrong try.
    expect(await unlockScreen(db, 'abc', at(1))).toMatchObject({ reason: 'wrong_pin', attemptsLeft: 3 });
    expect(await readScreenLock(db)).toMatchObject({ failedAttempts: 2, retryAfter: null });
  });

  it('slows down after five wrong PINs: waits 30 s, then twice as long after each miss', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    for (let i = 1; i <= 4; i++) {
      expect(await unlockScreen(db, '0000', at(i))).toMatchObject({ reason: 'wrong_pin', retryAfter: null });
    }
    const fifth = await unlockScreen(db, '0000', at(5));
    expect(fifth).toMatchObject({ reason: 'wrong_pin', failedAttempts: 5, attemptsLeft: 0 });
    const retryAfter = new Date(T0.getTime() + 5 + 30_000).toISOString();
    expect(fifth).toMatchObject({ retryAfter });

    // During the wait even the right PIN is not checked.
    expect(await unlockScreen(db, '2468', at(10_000))).toEqual({ ok: false, reason: 'wait', retryAfter });
    expect(await readScreenLock(db)).not.toBeNull();

    // After it, one more miss doubles the wait.
    const sixth = await unlockScreen(db, '0000', at(31_000));
    expect(sixth).toMatchObject({
      reason: 'wrong_pin',
      failedAttempts: 6,
      retryAfter: new Date(T0.getTime() + 31_000 + 60_000).toISOString(),
    });
    expect(await unlockScreen(db, '2468', at(31_000 + 60_001))).toEqual({
      ok: true,
      returnTo: '/rounds/r-1',
    });
  });

  it('caps the wait at fifteen minutes', () => {
    expect(unlockDelayMs(4)).toBe(0);
    expect(unlockDelayMs(5)).toBe(30_000);
    expect(unlockDelayMs(7)).toBe(120_000);
    expect(unlockDelayMs(50)).toBe(LOCK_POLICY.maxDelayMs);
  });
});

describe('persistence', () => {
  it('stays locked, with its wrong tries, when the database is opened again (a reload)', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, { ...FAST, now: T0 });
    for (let i = 0; i < 5; i++) await unlockScreen(db, '1111', at(i));
    db.close();

    const reopened = new TequioDb(db.name);
    await reopened.open();
    expect(await readScreenLock(reopened)).toMatchObject({
      ...BALLOT,
      failedAttempts: 5,
      retryAfter: new Date(T0.getTime() + 4 + 30_000).toISOString(),
    });
    expect(await unlockScreen(reopened, '2468', at(1_000))).toMatchObject({ ok: false, reason: 'wait' });
    expect(await unlockScreen(reopened, '2468', at(40_000))).toEqual({ ok: true, returnTo: '/rounds/r-1' });
    reopened.close();
    await db.open();
  });
});

describe('a forgotten PIN', () => {
  const account = {
    token: 't',
    user: {
      id: 'u-1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'facilitator' as const,
      scope: { kind: 'processes' as const },
    },
  };

  it('the signed-in account unlocks with its password, checked by the server, even while the device makes PINs wait', async () => {
    await db.setMeta('account', account);
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    for (let i = 0; i < 6; i++) await unlockScreen(db, '0000');
    const checked: unknown[] = [];
    const result = await unlockWithAccountPassword(db, 'contraseña-larga', async (input) => {
      checked.push(input);
    });
    expect(checked).toEqual([{ username: 'rosa', password: 'contraseña-larga' }]);
    expect(result).toEqual({ ok: true, returnTo: '/rounds/r-1' });
    expect(await readScreenLock(db)).toBeNull();
  });

  it('stays locked when the server refuses the password or cannot be reached', async () => {
    await db.setMeta('account', account);
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    await expect(
      unlockWithAccountPassword(db, 'otra', () => Promise.reject(new Error('unauthenticated'))),
    ).rejects.toThrow('unauthenticated');
    expect(await readScreenLock(db)).not.toBeNull();
  });

  it('needs an account signed in on the device', async () => {
    await lockScreen(db, { ...BALLOT, pin: '2468' }, FAST);
    expect(await unlockWithAccountPassword(db, 'x', () => Promise.resolve())).toEqual({
      ok: false,
      reason: 'no_account',
    });
    expect(await readScreenLock(db)).not.toBeNull();
  });
});
