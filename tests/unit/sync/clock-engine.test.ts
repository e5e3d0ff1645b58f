/**
 * The engine with a device dated a year ahead, against a server that re-stamps what is too far
 * ahead: the status tells how far off the clock is and how many changes were re-stamped, later
 * writes are stamped with the server's time, and the notice ends once the clock is right.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  formatHlc,
  newId,
  parseHlc,
  PROTOCOL_LIMITS,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession } from '../../../src/client/data/sessions.repository';
import type { ApiClient } from '../../../src/client/net/api-client';
import { createSyncEngine } from '../../../src/client/sync/sync-engine';
import { aProcess, aSession } from '../../fixtures/sessions';

const YEAR = 365 * 24 * 3_600_000;
const realNow = Date.now.bind(Date);

/** A server on the real time: stores stamps too far ahead as its own (`clock_ahead`). */
function fakeServer() {
  let tick = 0;
  const stored: string[] = [];
  const api = {
    async push(body: PushRequest): Promise<PushResponse> {
      const now = realNow();
      const limit = now + PROTOCOL_LIMITS.maxClockAheadMs;
      return {
        serverEpoch: 'e1',
        serverTime: new Date(now).toISOString(),
        lastMutationId: body.mutations.at(-1)!.id,
        results: body.mutations.map((m) => {
          if (parseHlc(m.hlc).millis <= limit) {
            stored.push(m.hlc);
            return { id: m.id, status: 'applied' as const };
          }
          const hlc = formatHlc({ millis: now, counter: tick++, node: '5e5e5e5e5e5e5e5e' });
          stored.push(hlc);
          return { id: m.id, status: 'applied' as const, code: 'clock_ahead', hlc };
        }),
      };
    },
    async pull(): Promise<PullResponse> {
      return {
        serverEpoch: 'e1',
        serverTime: new Date(realNow()).toISOString(),
        cursor: 'c1',
        hasMore: false,
        changes: [],
      };
    },
  } as unknown as ApiClient;
  return { api, stored };
}

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`clock-engine-${newId()}`);
  await db.open();
  await db.setMeta('account', {
    token: 't',
    user: {
      id: 'u-1',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'facilitator',
      scope: { kind: 'processes' },
    },
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('sync engine and a device clock a year ahead', () => {
  it('reports the skew and the re-stamped changes, then stamps with server time; the notice ends once the clock is right', async () => {
    const server = fakeServer();
    const engine = createSyncEngine({ db, api: server.api, blobs: null, locks: null });
    const clockSpy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() + YEAR);

    // Offline, before ever hearing from the server: stamped a year ahead.
    const processId = await createProcess(db, aProcess());
    await createSession(db, aSession(processId));
    const result = await engine.syncNow();
    expect(result).toMatchObject({ ok: true, pushed: 2, restamped: 2 });
    const status = engine.getStatus();
    expect(status.clockSkewMs).toBeGreaterThan(YEAR - 60_000);
    expect(status.restamped).toMatchObject({ count: 2 });
    expect(await db.getMeta('clockOffsetMs')).toBeLessThan(-YEAR + 60_000);
    // Device and server hold the same stamps.
    const process = (await db.processes.get(processId))!;
    expect(process.hlcs.name).toBe(server.stored[0]);

    // Still a year ahead, but now the device stamps with the server's time: nothing more re-stamped.
    const second = await createSession(db, aSession(processId, { title: 'Segunda asamblea' }));
    const stamp = (await db.sessions.get(second))!.hlcs.title!;
    expect(Math.abs(parseHlc(stamp).millis - realNow())).toBeLessThan(60_000);
    expect(await engine.syncNow()).toMatchObject({ ok: true, pushed: 1 });
    expect(engine.getStatus().restamped).toMatchObject({ count: 2 });

    // The date is fixed: the warning and the notice end with the next cycle.
    clockSpy.mockRestore();
    await engine.syncNow();
    expect(Math.abs(engine.getStatus().clockSkewMs!)).toBeLessThan(60_000);
    expect(engine.getStatus().restamped).toBeNull();
    expect(await db.getMeta('restamped')).toBeNull();
    expect(await db.getMeta('clockOffsetMs')).toBeNull();
  });
});
