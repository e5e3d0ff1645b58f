/**
 * Brute-force brake for login and first-run setup.
 *
 * Every attempt takes its slot synchronously, before any password hash is
 * checked: the slot counts as a failure from the start and is given back only
 * when the password proves right (or the request ends without a verdict). So
 * N parallel requests for one username cannot all pass the check while the
 * first verifications are still running; at most the allowed number get a
 * real answer and the rest get 429 with Retry-After.
 *
 * Two limits apply to each attempt:
 * - Per IP, a hard limit: 20 failures within 15 minutes, then 429 until the
 *   oldest failure leaves the window.
 * - Per username, a slow-down, not a lockout: 5 failures within the window
 *   are answered at once; after that each attempt must wait 15 s, 30 s, then
 *   60 s at most after the previous one. That caps online guessing at about
 *   one password a minute per username however many addresses an attacker
 *   uses, and a person who mistyped waits a minute, not a quarter of an hour.
 *
 * A stranger failing for someone's username must not keep its owner out, and
 * under a sustained attack the attacker would win every freed slot. Hence
 * device keys (OWASP's "device cookie"): each successful login returns an
 * opaque key, HMAC-signed for that username, which the client keeps and sends
 * with later logins. An attempt with a valid key for the username is not
 * gated by the username's counter but by one of its own (the same slow-down),
 * so the rightful user signs in from a known device while strangers are being
 * held back; a stolen key gives a thief no more tries than any other device.
 * Its success clears only its own counter: the strangers stay slowed down.
 * A key for another username, a forged or a stale key counts as no key.
 *
 * The counters and the signing secret live in the database
 * (`login_attempts`, `meta.device_key_secret`; repositories/login-attempts.repository.ts),
 * so every server instance behind a proxy sees every other's attempts, a key
 * issued by one instance is honoured by all, and a restart forgets nothing.
 * Each attempt takes its slots in one transaction under a lock per key, so
 * parallel requests on any instance see each other's slots. Tests of the rules
 * alone use the in-memory store below.
 * Failures are counted per username whether or not the account exists, so the
 * answers reveal nothing about which usernames exist.
 *
 * Not `@fastify/rate-limit`: it counts requests per route, while this counts
 * failed verdicts per username, IP and device key, and must let a success give
 * its slot back.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Slot, ThrottleStore } from '../repositories/login-attempts.repository';
import { RateLimited } from './errors';

const usernameDigest = (username: string) => createHash('sha256').update(username).digest('hex');

export type { Slot, ThrottleStore };

export interface ThrottleOptions {
  /** Failures per username (or per device key) answered without delay within the window. */
  maxPerUsername: number;
  /** Failures per IP within the window; then 429 until the oldest leaves it. */
  maxPerIp: number;
  windowMs: number;
  /** Wait after the free failures are used up; doubles with each further failure. Default 15 s. */
  baseDelayMs?: number;
  /** Longest wait between attempts for one username or device key. Default 60 s. */
  maxDelayMs?: number;
  now?: () => number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = {
  maxPerUsername: 5,
  maxPerIp: 20,
  windowMs: 15 * 60 * 1000,
  baseDelayMs: 15_000,
  maxDelayMs: 60_000,
};

const KEY_PREFIX = 'dk1';
const DEVICE_KEY = /^dk1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** Bound on tracked keys so a flood of random usernames cannot exhaust memory. */
const MAX_KEYS = 50_000;

/** Slots in this process only: for the rules' unit tests (the server keeps them in the database). */
export function createMemoryThrottleStore(): ThrottleStore {
  const slots = new Map<string, Slot[]>();
  const secret = randomBytes(32);
  const removeWhere = (test: (slot: Slot) => boolean) => {
    for (const [key, list] of slots) {
      const kept = list.filter((s) => !test(s));
      if (kept.length === 0) slots.delete(key);
      else if (kept.length !== list.length) slots.set(key, kept);
    }
  };
  return {
    reserve(keys, cutoff, decide, add) {
      const current = new Map<string, Slot[]>();
      for (const key of keys)
        current.set(
          key,
          (slots.get(key) ?? []).filter((s) => s.at > cutoff),
        );
      const wait = decide(current);
      if (wait > 0) return Promise.resolve(wait);
      for (const slot of add) {
        const list = current.get(slot.key) ?? [];
        // Most recently used last, so the bound evicts the key idle longest.
        slots.delete(slot.key);
        if (slots.size >= MAX_KEYS) {
          const idlest = slots.keys().next().value;
          if (idlest !== undefined) slots.delete(idlest);
        }
        list.push(slot);
        slots.set(slot.key, list);
      }
      return Promise.resolve(0);
    },
    settle(ids) {
      for (const list of slots.values()) for (const s of list) if (ids.includes(s.id)) s.pending = false;
      return Promise.resolve();
    },
    remove(ids) {
      removeWhere((s) => ids.includes(s.id));
      return Promise.resolve();
    },
    clearSettled(key) {
      removeWhere((s) => s.key === key && !s.pending);
      return Promise.resolve();
    },
    secret: () => Promise.resolve(secret),
  };
}

/** The verdict on an attempt that got past the throttle. Call exactly one of these. */
export interface LoginAttempt {
  /** Wrong password or code: the slot stays counted as a failure. */
  fail(): Promise<void>;
  /**
   * Right password: gives the slot back and clears the failures of the counter that gated
   * it (the username's, or the device key's). Returns the device key the client should keep
   * when the attempt named a username.
   */
  succeed(): Promise<string | undefined>;
  /** No verdict (a server fault): gives the slot back, counts nothing. */
  release(): Promise<void>;
}

export function createLoginThrottle(
  options: ThrottleOptions = DEFAULT_THROTTLE,
  store: ThrottleStore = createMemoryThrottleStore(),
) {
  const now = options.now ?? (() => Date.now());
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_THROTTLE.baseDelayMs!;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_THROTTLE.maxDelayMs!;
  let secret: Promise<Buffer> | null = null;
  const getSecret = () =>
    (secret ??= store.secret().catch((error: unknown) => {
      secret = null;
      throw error;
    }));

  /** Ms until a slowed-down key may try again: free failures first, then a growing delay. */
  function slowDown(list: Slot[], at: number): number {
    const over = list.length - options.maxPerUsername;
    if (over < 0) return 0;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(over, 30));
    return Math.max(0, list[list.length - 1]!.at + delay - at);
  }

  /** Ms until a hard-limited key is under its limit again. */
  function hardLimit(list: Slot[], max: number, at: number): number {
    if (list.length < max) return 0;
    return Math.max(1, list[list.length - max]!.at + options.windowMs - at);
  }

  async function sign(username: string, nonce: string): Promise<Buffer> {
    return createHmac('sha256', await getSecret())
      .update(`${KEY_PREFIX}\n${nonce}\n${username}`)
      .digest();
  }

  /** A new device key for a username (after a successful login or setup). */
  async function issueDeviceKey(username: string): Promise<string> {
    const nonce = randomBytes(16).toString('base64url');
    return `${KEY_PREFIX}.${nonce}.${(await sign(username, nonce)).toString('base64url')}`;
  }

  /** The key's nonce when it was issued (by any instance) for this username, else null. */
  async function verifyDeviceKey(username: string, deviceKey: string | undefined): Promise<string | null> {
    const match = deviceKey ? DEVICE_KEY.exec(deviceKey) : null;
    if (!match) return null;
    // Compared as text: base64url decoding ignores the last character's spare bits.
    const given = Buffer.from(match[2]!);
    const expected = Buffer.from((await sign(username, match[1]!)).toString('base64url'));
    return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
  }

  /**
   * Takes a slot for an attempt, or throws RateLimited (with the seconds to wait) when the IP,
   * the username or the device key may not try now. Await it before anything else: parallel
   * requests, on this instance or another, see each other's slots. `username` is null for
   * attempts that name none (first-run setup and enrolment codes): only the IP limit applies.
   */
  async function begin(username: string | null, ip: string, deviceKey?: string): Promise<LoginAttempt> {
    const nonce = username === null ? null : await verifyDeviceKey(username, deviceKey);
    // The username is stored as its digest: the table holds no names, and any string the client
    // sends (even one with lone surrogates, which no database text keeps as sent) reads back the same.
    const gate = username === null ? null : nonce !== null ? `d:${nonce}` : `u:${usernameDigest(username)}`;
    const ipKey = `ip:${ip}`;
    const at = now();
    const taken: Slot[] = [ipKey, ...(gate === null ? [] : [gate])].map((key) => ({
      id: randomUUID(),
      key,
      at,
      pending: true,
    }));
    const waitMs = await store.reserve(
      taken.map((s) => s.key),
      at - options.windowMs,
      (slots) =>
        Math.max(
          gate === null ? 0 : slowDown(slots.get(gate) ?? [], at),
          hardLimit(slots.get(ipKey) ?? [], options.maxPerIp, at),
        ),
      taken,
    );
    if (waitMs > 0) throw new RateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
    const ids = taken.map((s) => s.id);
    let settled = false;
    const settle = () => {
      const first = !settled;
      settled = true;
      return first;
    };
    return {
      async fail() {
        if (settle()) await store.settle(ids);
      },
      async succeed() {
        if (!settle()) return undefined;
        // The IP keeps its other failures; the gate that let this attempt through is cleared.
        await store.remove(ids);
        if (gate !== null) await store.clearSettled(gate);
        if (username === null) return undefined;
        return nonce !== null ? deviceKey : issueDeviceKey(username);
      },
      async release() {
        if (settle()) await store.remove(ids);
      },
    };
  }

  /** Loads (or makes) the signing secret now, at start, rather than at the first login. */
  const prepare = async () => {
    await getSecret();
  };

  return { begin, issueDeviceKey, prepare };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
