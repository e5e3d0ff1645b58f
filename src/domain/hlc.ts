/**
 * Hybrid logical clock (HLC) as the sync protocol defines it:
 * `<ISO-8601 UTC with ms, 24 chars>-<counter, 4 hex>-<node, 16 hex>`.
 * String order is time order, so stamps compare with plain `<`.
 *
 * The clock never goes backwards: a wall clock set wrong in the past keeps
 * ticking the counter on the last known time, and every stamp received from
 * elsewhere moves the clock forward (max rule). That is what makes a
 * fast tablet's edits stop winning once others have seen them.
 *
 * The max rule alone lets one far-future stamp (a tablet dated 2100, a forged
 * `9999-…` stamp) drag every clock that sees it into that future for good, and
 * a clock at the end of the format has nowhere left to tick. Two limits stop
 * that (spec "Identity and clocks"):
 *
 * - No stamp ever leaves its format: times are clamped to
 *   [1970-01-01T00:00:00.000Z, 9999-12-31T23:59:59.999Z] and `tick()` never
 *   throws. A clock whose state is the very last stamp repeats it (the only
 *   case where a tick is not strictly greater than the previous one).
 * - With `maxAheadMs`, a clock ignores, for its own state, any received stamp
 *   more than `maxAheadMs` beyond `now()` (or so close to that bound that it
 *   could not tick past it within the bound). A state that lies beyond the bound
 *   (persisted before this rule existed, or left behind by a wall clock set back)
 *   is "poisoned": it is dropped, and the next tick starts again from `now()`.
 *   While no poisoned state is involved, ticks stay strictly increasing; they
 *   never pass `now() + maxAheadMs`. Such a device's earlier far-future stamps are
 *   replaced by the server (re-stamp at receipt, repair) rather than ticked past.
 *   Without `maxAheadMs` (the default) the clock follows the plain max rule.
 */
import { z } from 'zod';

export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

/** The last instant the 24-character ISO format can write (9999-12-31T23:59:59.999Z). */
export const MAX_HLC_MILLIS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * The pattern alone lets through times that do not exist (month 99,
 * February 30): they would parse to NaN and poison every clock that
 * receives them, so a stamp must also name a real instant.
 */
function isRealInstant(hlc: string): boolean {
  const iso = hlc.slice(0, 24);
  const millis = Date.parse(iso);
  return Number.isFinite(millis) && new Date(millis).toISOString() === iso;
}

export const hlcSchema = z.string().regex(HLC_PATTERN, 'hlc inválido').refine(isRealInstant, 'hlc inválido');
export type Hlc = string;

const MAX_COUNTER = 0xffff;

export interface HlcParts {
  millis: number;
  counter: number;
  node: string;
}

export function parseHlc(hlc: Hlc): HlcParts {
  if (!HLC_PATTERN.test(hlc) || !isRealInstant(hlc)) throw new Error(`invalid hlc: ${hlc}`);
  return {
    millis: Date.parse(hlc.slice(0, 24)),
    counter: parseInt(hlc.slice(25, 29), 16),
    node: hlc.slice(30),
  };
}

/** A time the format can write: clamped to 1970…9999, and 0 for a wall clock that answers nonsense. */
function clampMillis(millis: number): number {
  if (!Number.isFinite(millis) || millis < 0) return 0;
  return Math.min(Math.floor(millis), MAX_HLC_MILLIS);
}

/** Writes a stamp; a time outside the format's range is clamped to it. */
export function formatHlc({ millis, counter, node }: HlcParts): Hlc {
  return `${new Date(clampMillis(millis)).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value) && isRealInstant(value);
}

/** The instant a stamp names (ms since the epoch). */
export function hlcMillis(hlc: Hlc): number {
  return parseHlc(hlc).millis;
}

/** Node id of 16 hex chars derived from a UUID (its last 16 hex digits). */
export function nodeIdFromUuid(uuid: string): string {
  return uuid.replace(/-/g, '').slice(-16).toLowerCase();
}

export interface HlcClock {
  /** A new stamp for a local write, greater than every stamp seen so far (within the bound, if any). */
  tick(): Hlc;
  /** Moves the clock past a stamp received from elsewhere (unless it lies beyond the bound). */
  receive(remote: Hlc): void;
  /** The greatest stamp issued or taken in. */
  last(): Hlc | null;
}

export interface HlcClockOptions {
  /** Wall clock in ms; default `Date.now`. */
  now?: () => number;
  /** The last stamp of a clock persisted before. */
  last?: Hlc | null;
  /**
   * How far ahead of `now()` the clock's state may be. Received stamps beyond it
   * do not move the clock; a state beyond it is dropped at the next tick or receipt.
   * Default: no bound.
   */
  maxAheadMs?: number;
}

export function createHlcClock(node: string, options: HlcClockOptions = {}): HlcClock {
  if (!/^[0-9a-f]{16}$/.test(node)) throw new Error('hlc node must be 16 hex chars');
  const now = options.now ?? (() => Date.now());
  const maxAheadMs = options.maxAheadMs ?? Infinity;
  let state: HlcParts | null = options.last ? parseHlc(options.last) : null;

  /** The latest instant the clock may stamp or hold, given the wall clock. */
  const limit = (wall: number) => Math.min(wall + maxAheadMs, MAX_HLC_MILLIS);

  /** Whether the clock could tick on from `parts` without passing the bound. */
  const fits = (parts: HlcParts, wall: number) =>
    maxAheadMs === Infinity ||
    (parts.counter < MAX_COUNTER ? parts.millis : Math.min(parts.millis + 1, MAX_HLC_MILLIS)) <= limit(wall);

  /** The state, unless it is poisoned (ticking on from it would pass the bound): then none. */
  const current = (wall: number) => (state && fits(state, wall) ? state : null);

  return {
    tick() {
      const wall = clampMillis(now());
      const base = current(wall);
      if (!base || wall > base.millis) {
        state = { millis: wall, counter: 0, node };
      } else if (base.counter < MAX_COUNTER) {
        state = { millis: base.millis, counter: base.counter + 1, node };
      } else if (base.millis < MAX_HLC_MILLIS) {
        state = { millis: base.millis + 1, counter: 0, node };
      } else {
        state = { millis: MAX_HLC_MILLIS, counter: MAX_COUNTER, node };
      }
      return formatHlc(state);
    },
    receive(remote) {
      const r = parseHlc(remote);
      const wall = clampMillis(now());
      if (!fits(r, wall)) return; // beyond the bound: it says nothing about the time
      const base = current(wall);
      if (!base || r.millis > base.millis || (r.millis === base.millis && r.counter > base.counter)) {
        state = { millis: r.millis, counter: r.counter, node };
      } else {
        state = base;
      }
    },
    last() {
      return state ? formatHlc(state) : null;
    },
  };
}
