/**
 * Hybrid logical clock (HLC) as the sync protocol defines it:
 * `<ISO-8601 UTC with ms, 24 chars>-<counter, 4 hex>-<node, 16 hex>`.
 * String order is time order, so stamps compare with plain `<`.
 *
 * The clock never goes backwards: a wall clock set wrong in the past keeps
 * ticking the counter on the last known time, and every stamp received from
 * elsewhere moves the clock forward (max rule). That is what makes a
 * fast tablet's edits stop winning once others have seen them.
 */
import { z } from 'zod';

export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;

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

export function formatHlc({ millis, counter, node }: HlcParts): Hlc {
  return `${new Date(millis).toISOString()}-${counter.toString(16).padStart(4, '0')}-${node}`;
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC_PATTERN.test(value) && isRealInstant(value);
}

/** Node id of 16 hex chars derived from a UUID (its last 16 hex digits). */
export function nodeIdFromUuid(uuid: string): string {
  return uuid.replace(/-/g, '').slice(-16).toLowerCase();
}

export interface HlcClock {
  /** A new stamp for a local write, greater than every stamp seen so far. */
  tick(): Hlc;
  /** Moves the clock past a stamp received from elsewhere. */
  receive(remote: Hlc): void;
  /** The greatest stamp issued or seen. */
  last(): Hlc | null;
}

export function createHlcClock(
  node: string,
  options: { now?: () => number; last?: Hlc | null } = {},
): HlcClock {
  if (!/^[0-9a-f]{16}$/.test(node)) throw new Error('hlc node must be 16 hex chars');
  const now = options.now ?? (() => Date.now());
  let state: HlcParts | null = options.last ? parseHlc(options.last) : null;

  return {
    tick() {
      const wall = now();
      if (!state || wall > state.millis) {
        state = { millis: wall, counter: 0, node };
      } else if (state.counter < MAX_COUNTER) {
        state = { millis: state.millis, counter: state.counter + 1, node };
      } else {
        state = { millis: state.millis + 1, counter: 0, node };
      }
      return formatHlc(state);
    },
    receive(remote) {
      const r = parseHlc(remote);
      if (!state || r.millis > state.millis || (r.millis === state.millis && r.counter > state.counter)) {
        state = { millis: r.millis, counter: r.counter, node };
      }
    },
    last() {
      return state ? formatHlc(state) : null;
    },
  };
}
