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
function waitFor(username: string | null, ip = IP, deviceKey?: string): number {
  try {
    throttle.begin(username, ip, deviceKey).fail();
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

function failTimes(n: number, username: string | null, ip = IP, deviceKey?: string) {
  for (let i = 0; i < n; i++) expect(waitFor(username, ip, deviceKey)).toBe(0);
}

describe('login throttle', () => {
  it('reserves a slot per attempt before its verdict, so a burst gets only 5 through', () => {
    const inFlight: LoginAttempt[] = [];
    for (let i = 0; i < 5; i++) inFlight.push(throttle.begin('ana', `198.51.100.${i}`));
    expect(() => throttle.begin('ana', '198.51.100.99')).toThrow(RateLimited);
    for (const attempt of inFlight) attempt.fail();
    expect(waitFor('ana', '198.51.100.99')).toBe(15);
  });

  it('slows a username down by 15 s, 30 s, then at most 60 s between attempts, never locking it out', () => {
    failTimes(5, 'ana');
    expect(waitFor('ana')).toBe(15);
    clock += 14_000;
    expect(waitFor('ana')).toBe(1);
    clock += 1_000;
    expect(waitFor('ana')).toBe(0); // the 6th, failed
    expect(waitFor('ana')).toBe(30);
    clock += 30_000;
    expect(waitFor('ana')).toBe(0);
    expect(waitFor('ana')).toBe(60);
    for (let i = 0; i < 5; i++) {
      clock += MINUTE;
      expect(waitFor('ana')).toBe(0);
      expect(waitFor('ana')).toBe(60);
    }
  });

  it('forgets failures older than the window', () => {
    failTimes(5, 'ana');
    clock += 15 * MINUTE;
    failTimes(5, 'ana');
    expect(waitFor('ana')).toBe(15);
  });

  it('counts usernames apart, and a success clears its own username', () => {
    failTimes(5, 'ana');
    expect(waitFor('bruno')).toBe(0);
    clock += 15_000;
    const attempt = throttle.begin('ana', IP);
    expect(attempt.succeed()).toEqual(expect.any(String));
    failTimes(5, 'ana');
    expect(waitFor('ana')).toBe(15);
  });

  it('a success keeps the failures of other attempts still in flight', () => {
    failTimes(2, 'ana');
    const racing = [throttle.begin('ana', IP), throttle.begin('ana', IP)];
    throttle.begin('ana', IP).succeed();
    for (const attempt of racing) attempt.fail();
    failTimes(3, 'ana');
    expect(waitFor('ana')).toBe(15);
  });

  it('release gives the slot back without counting a failure', () => {
    for (let i = 0; i < 10; i++) throttle.begin('ana', IP).release();
    failTimes(5, 'ana');
    expect(waitFor('ana')).toBe(15);
  });

  it('holds an IP to 20 failures across usernames until the oldest leaves the window', () => {
    for (let i = 0; i < 20; i++) {
      expect(waitFor(`ghost-${i}`)).toBe(0);
      clock += 1_000;
    }
    expect(waitFor('someone-else')).toBe(15 * 60 - 20);
    expect(waitFor(null)).toBeGreaterThan(0);
    expect(waitFor('someone-else', '198.51.100.1')).toBe(0);
    clock += (15 * 60 - 20) * 1000;
    expect(waitFor('someone-else')).toBe(0);
  });

  it('counts setup attempts (no username) against the IP only', () => {
    failTimes(20, null);
    expect(waitFor(null)).toBeGreaterThan(0);
    expect(waitFor(null, '198.51.100.1')).toBe(0);
  });
});

describe('device keys', () => {
  function keyFor(username: string): string {
    const key = throttle.begin(username, '192.0.2.1').succeed();
    expect(key).toMatch(/^dk1\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    return key!;
  }

  it('lets a known device past the username’s slow-down, on a counter of its own', () => {
    const key = keyFor('ana');
    const other = keyFor('ana');
    failTimes(5, 'ana', '198.51.100.1'); // a stranger
    expect(waitFor('ana', '198.51.100.2')).toBe(15);

    const attempt = throttle.begin('ana', IP, key);
    expect(attempt.succeed()).toBe(key);
    // Her success does not reopen the username for the stranger.
    expect(waitFor('ana', '198.51.100.3')).toBe(15);

    // The key's own counter: 5 failures, then it is slowed down too.
    failTimes(5, 'ana', IP, key);
    expect(waitFor('ana', IP, key)).toBe(15);
    // Another device of hers is not.
    expect(throttle.begin('ana', IP, other).succeed()).toBe(other);
  });

  it('treats a key for another username, a forged, a truncated or a foreign key as none', () => {
    const anaKey = keyFor('ana');
    const foreign = createLoginThrottle(DEFAULT_THROTTLE).issueDeviceKey('bruno');
    const [prefix, nonce, mac] = keyFor('bruno').split('.');
    failTimes(5, 'bruno', '198.51.100.1');
    const forged = `${prefix}.${nonce}.${mac!.startsWith('A') ? 'B' : 'A'}${mac!.slice(1)}`;
    // The last character of a 32-byte base64url value has spare bits: changing only those is refused too.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac!.at(-1)!);
    const spareBits = `${prefix}.${nonce}.${mac!.slice(0, -1)}${alphabet[last + 1]}`;
    expect(Buffer.from(spareBits.split('.')[2]!, 'base64url')).toEqual(Buffer.from(mac!, 'base64url'));
    for (const key of [anaKey, forged, spareBits, `${prefix}.${nonce}`, 'garbage', '', foreign]) {
      expect(waitFor('bruno', IP, key)).toBe(15);
    }
  });

  it('issues a new key after a login without one, and none for setup attempts', () => {
    const first = throttle.begin('ana', IP).succeed();
    const second = throttle.begin('ana', IP).succeed();
    expect(first).not.toBe(second);
    expect(throttle.begin(null, IP).succeed()).toBeUndefined();
  });

  it('still applies the IP limit to a known device', () => {
    const key = keyFor('ana');
    for (let i = 0; i < 20; i++) throttle.begin(`ghost-${i}`, IP).fail();
    expect(waitFor('ana', IP, key)).toBeGreaterThan(0);
  });
});
