/** The login throttle's rules, on an injected clock. */
import { beforeEach, describe, expect, it } from 'vitest';
import { toHttpError } from '../../../src/server/http/errors';
import { RateLimited } from '../../../src/server/services/errors';
import {
  createLoginThrottle,
  DEFAULT_THROTTLE,
  type LoginAttempt,
  type LoginThrottle,
} from '../../../src/server/services/login-throttle';

const IP = '203.0.113.7';
const MINUTE = 60_000;

let clock: number;
let throttle: LoginThrottle;

beforeEach(() => {
  clock = Date.UTC(2026, 2, 14, 16, 0, 0);
  throttle = createLoginThrottle({ ...DEFAULT_THROTTLE, now: () => clock });
});

/** Seconds the throttle asks to wait (Retry-After), or 0 when the attempt is let through (and then failed). */
async function waitFor(username: string | null, ip = IP, deviceKey?: string): Promise<number> {
  try {
    await (await await throttle.begin(username, ip, deviceKey)).fail();
    return 0;
  } catch (error) {
    expect(error).toBeInstanceOf(RateLimited);
    // The answer the client gets for it.
    const http = toHttpError(error)!;
    expect(http.statusCode).toBe(429);
    expect(http.code).toBe('rate_limited');
    return Number(http.headers?.['retry-after']);
  }
}

async function failTimes(n: number, username: string | null, ip = IP, deviceKey?: string) {
  for (let i = 0; i < n; i++) expect(await waitFor(username, ip, deviceKey)).toBe(0);
}

describe('login throttle', async () => {
  it('reserves a slot per attempt before its verdict, so a burst gets only 5 through', async () => {
    const inFlight: LoginAttempt[] = [];
    for (let i = 0; i < 5; i++) inFlight.push(await throttle.begin('ana', `198.51.100.${i}`));
    await expect(throttle.begin('ana', '198.51.100.99')).rejects.toThrow(RateLimited);
    for (const attempt of inFlight) await attempt.fail();
    expect(await waitFor('ana', '198.51.100.99')).toBe(15);
  });

  it('slows a username down by 15 s, 30 s, then at most 60 s between attempts, never locking it out', async () => {
    await failTimes(5, 'ana');
    expect(await waitFor('ana')).toBe(15);
    clock += 14_000;
    expect(await waitFor('ana')).toBe(1);
    clock += 1_000;
    expect(await waitFor('ana')).toBe(0); // the 6th, failed
    expect(await waitFor('ana')).toBe(30);
    clock += 30_000;
    expect(await waitFor('ana')).toBe(0);
    expect(await waitFor('ana')).toBe(60);
    for (let i = 0; i < 5; i++) {
      clock += MINUTE;
      expect(await waitFor('ana')).toBe(0);
      expect(await waitFor('ana')).toBe(60);
    }
  });

  it('forgets failures older than the window', async () => {
    await failTimes(5, 'ana');
    clock += 15 * MINUTE;
    await failTimes(5, 'ana');
    expect(await waitFor('ana')).toBe(15);
  });

  it('counts usernames apart, and a success clears its own username', async () => {
    await failTimes(5, 'ana');
    expect(await waitFor('bruno')).toBe(0);
    clock += 15_000;
    const attempt = await throttle.begin('ana', IP);
    expect(await attempt.succeed()).toEqual(expect.any(String));
    await failTimes(5, 'ana');
    expect(await waitFor('ana')).toBe(15);
  });

  it('a success keeps the failures of other attempts still in flight', async () => {
    await failTimes(2, 'ana');
    const racing = [await throttle.begin('ana', IP), await throttle.begin('ana', IP)];
    await (await throttle.begin('ana', IP)).succeed();
    for (const attempt of racing) await attempt.fail();
    await failTimes(3, 'ana');
    expect(await waitFor('ana')).toBe(15);
  });

  it('release gives the slot back without counting a failure', async () => {
    for (let i = 0; i < 10; i++) await (await throttle.begin('ana', IP)).release();
    await failTimes(5, 'ana');
    expect(await waitFor('ana')).toBe(15);
  });

  it('holds an IP to 20 failures across usernames until the oldest leaves the window', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await waitFor(`ghost-${i}`)).toBe(0);
      clock += 1_000;
    }
    expect(await waitFor('someone-else')).toBe(15 * 60 - 20);
    expect(await waitFor(null)).toBeGreaterThan(0);
    expect(await waitFor('someone-else', '198.51.100.1')).toBe(0);
    clock += (15 * 60 - 20) * 1000;
    expect(await waitFor('someone-else')).toBe(0);
  });

  it('counts setup attempts (no username) against the IP only', async () => {
    await failTimes(20, null);
    expect(await waitFor(null)).toBeGreaterThan(0);
    expect(await waitFor(null, '198.51.100.1')).toBe(0);
  });
});

describe('device keys', async () => {
  async function keyFor(username: string): Promise<string> {
    const key = await (await throttle.begin(username, '192.0.2.1')).succeed();
    expect(key).toMatch(/^dk1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    return key!;
  }

  it('lets a known device past the username’s slow-down, on a counter of its own', async () => {
    const key = await keyFor('ana');
    const other = await keyFor('ana');
    await failTimes(5, 'ana', '198.51.100.1'); // a stranger
    expect(await waitFor('ana', '198.51.100.2')).toBe(15);

    const attempt = await throttle.begin('ana', IP, key);
    expect(await attempt.succeed()).toBe(key);
    // Her success does not reopen the username for the stranger.
    expect(await waitFor('ana', '198.51.100.3')).toBe(15);

    // The key's own counter: 5 failures, then it is slowed down too.
    await failTimes(5, 'ana', IP, key);
    expect(await waitFor('ana', IP, key)).toBe(15);
    // Another device of hers is not.
    expect(await (await throttle.begin('ana', IP, other)).succeed()).toBe(other);
  });

  it('treats a key for another username, a forged, a truncated or a foreign key as none', async () => {
    const anaKey = await keyFor('ana');
    const foreign = await createLoginThrottle(DEFAULT_THROTTLE).issueDeviceKey('bruno');
    const [prefix, nonce, mac] = (await keyFor('bruno')).split('.');
    await failTimes(5, 'bruno', '198.51.100.1');
    const forged = `${prefix}.${nonce}.${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`;
    // The last character of a 32-byte base64url value has spare bits: changing only those is refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac!.at(-1)!);
    const spareBits = `${prefix}.${nonce}.${mac!.slice(0, -1)}${alphabet[last + 1]}`;
    expect(Buffer.from(spareBits.split('.')[2]!, 'base64url')).toEqual(Buffer.from(mac!, 'base64url'));
    for (const key of [anaKey, forged, spareBits, `${prefix}.${nonce}`, 'garbage', '', foreign]) {
      expect(await waitFor('bruno', IP, key)).toBe(15);
    }
  });

  it('issues a new key after a login without one, and none for setup attempts', async () => {
    const first = await (await throttle.begin('ana', IP)).succeed();
    const second = await (await throttle.begin('ana', IP)).succeed();
    expect(first).not.toBe(second);
    expect(await (await throttle.begin(null, IP)).succeed()).toBeUndefined();
  });

  it('still applies the IP limit to a known device', async () => {
    const key = await keyFor('ana');
    for (let i = 0; i < 20; i++) await (await throttle.begin(`ghost-${i}`, IP)).fail();
    expect(await waitFor('ana', IP, key)).toBeGreaterThan(0);
  });
});
