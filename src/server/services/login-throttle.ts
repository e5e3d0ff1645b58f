/**
 * Brute-force brake for login and first-run setup: after 5 failures for one
 * username or 20 from one IP within 15 minutes, further attempts get 429
 * until the oldest failure leaves the window. In memory, per process: a
 * restart forgets it, which is acceptable for a brake (passwords are still
 * argon2id-hashed). Failures are counted per username whether or not the
 * account exists, so the 429 reveals nothing about which usernames exist.
 */
import { HttpError } from '../http/errors';

export interface ThrottleOptions {
  maxPerUsername: number;
  maxPerIp: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxPerUsername: 5,
  maxPerIp: 20,
  windowMs: 15 * 60 * 1000,
};

/** Bound on tracked keys so a flood of random usernames cannot exhaust memory. */
const MAX_KEYS = 50_000;

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE) {
  const now = options.now ?? (() => Date.now());
  const failures = new Map<string, number[]>();

  function recent(key: string): number[] {
    const list = failures.get(key);
    if (!list) return [];
    const cutoff = now() - options.windowMs;
    const kept = list.filter((t) => t > cutoff);
    if (kept.length === 0) failures.delete(key);
    else if (kept.length !== list.length) failures.set(key, kept);
    return kept;
  }

  function add(key: string) {
    if (!failures.has(key) && failures.size >= MAX_KEYS) {
      const oldest = failures.keys().next().value;
      if (oldest !== undefined) failures.delete(oldest);
    }
    failures.set(key, [...recent(key), now()]);
  }

  function blockedFor(key: string, max: number): number {
    const list = recent(key);
    if (list.length < max) return 0;
    return Math.max(1, Math.ceil((list[list.length - max]! + options.windowMs - now()) / 1000));
  }

  return {
    /** Throws 429 rate_limited when the username or the IP is over its limit. */
    check(username: string | null, ip: string) {
      const wait = Math.max(
        username === null ? 0 : blockedFor(`u:${username}`, options.maxPerUsername),
        blockedFor(`ip:${ip}`, options.maxPerIp),
      );
      if (wait > 0) {
        throw new HttpError(429, 'rate_limited', 'Too many failed attempts; try again later', undefined, {
          'retry-after': String(wait),
        });
      }
    },
    recordFailure(username: string | null, ip: string) {
      if (username !== null) add(`u:${username}`);
      add(`ip:${ip}`);
    },
    /** A successful login clears the username's failures (not the IP's). */
    recordSuccess(username: string) {
      failures.delete(`u:${username}`);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
