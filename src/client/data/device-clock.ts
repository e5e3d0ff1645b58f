/**
 * The device's hybrid logical clock, as every local write (records.repository.ts)
 * and every pulled page (sync/local-store.ts) opens it, inside their own Dexie
 * transaction: the last stamp lives in meta `hlc` and moves on within it.
 *
 * Two things keep a device with a wrong date from doing harm (spec "Identity
 * and clocks"):
 *
 * - The clock is bounded to `PROTOCOL_LIMITS.maxClockAheadMs` past its wall
 *   clock (domain/hlc.ts): a received far-future stamp does not drag it along,
 *   and a far-future state persisted before this rule existed is dropped at
 *   the next tick instead of ticking on towards year 9999.
 * - The wall clock is corrected by what the server said. Every sync answer
 *   carries `serverTime`; when the device differs from it by more than the
 *   warning threshold (`PROTOCOL_LIMITS.clockSkewWarningMs`) the difference is
 *   kept in meta `clockOffsetMs` and added to `Date.now()` here, so a tablet
 *   whose date is a year out stamps its edits with the right time from its
 *   first sync on, offline too. Smaller differences (network delay, a clock a
 *   minute out) are left to the clock alone, so stamps do not jitter with each
 *   answer. The offset is learned again from every answer and cleared once the
 *   device agrees with the server; until the next answer after someone fixes
 *   the date, the old offset stays in use (stamps fall behind at most by it,
 *   and the clock's max rule keeps them after every stamp already seen).
 *
 * The user is told about the wrong date either way (features/sync-status).
 */
import { createHlcClock, nodeIdFromUuid, PROTOCOL_LIMITS, type HlcClock } from '../../domain';
import type { TequioDb } from './db';

/** Smaller changes of the learned offset are network noise: not worth a write. */
const OFFSET_NOISE_MS = 2_000;

/** Opens the device clock from meta (clientId, `hlc`, `clockOffsetMs`); persist `clock.last()` in meta `hlc` after use. */
export async function openDeviceClock(
  db: TequioDb,
  deviceNow: () => number = () => Date.now(),
): Promise<{ clock: HlcClock; now: () => number }> {
  // Asked together: one round trip to the database, not three.
  const [clientId, offset, last] = await Promise.all([
    db.getMeta('clientId'),
    db.getMeta('clockOffsetMs'),
    db.getMeta('hlc'),
  ]);
  // This device's wall clock corrected by the persisted offset (ms).
  const now = () => deviceNow() + (offset ?? 0);
  const clock = createHlcClock(nodeIdFromUuid(clientId!), {
    now,
    last,
    maxAheadMs: PROTOCOL_LIMITS.maxClockAheadMs,
  });
  return { clock, now };
}

/**
 * Learns the device's offset from a server answer's `serverTime`: kept when the
 * device is off by more than the warning threshold, cleared otherwise.
 * Returns the device's skew (device minus server, ms), or null for an unreadable time.
 */
export async function learnClockOffset(
  db: TequioDb,
  serverTime: string,
  deviceNow: number = Date.now(),
): Promise<number | null> {
  const server = Date.parse(serverTime);
  if (!Number.isFinite(server)) return null;
  const skew = deviceNow - server;
  const wanted = Math.abs(skew) > PROTOCOL_LIMITS.clockSkewWarningMs ? -skew : null;
  const stored = await db.getMeta('clockOffsetMs');
  const differs =
    wanted === null || stored === null ? wanted !== stored : Math.abs(wanted - stored) > OFFSET_NOISE_MS;
  if (differs) await db.setMeta('clockOffsetMs', wanted);
  return skew;
}
