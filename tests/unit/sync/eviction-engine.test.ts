/**
 * When the sync engine frees photo copies: at start and after a cycle that confirmed uploads,
 * in the background — a pass that never ends holds up neither the cycle nor the next one.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type PullResponse, type PushRequest, type PushResponse } from '../../../src/domain';
import type { BlobEvictor } from '../../../src/client/data/blob-eviction';
import { TequioDb } from '../../../src/client/data/db';
import type { ApiClient } from '../../../src/client/net/api-client';
import type { BlobUploader } from '../../../src/client/sync/blob-uploader';
import { createSyncEngine } from '../../../src/client/sync/sync-engine';

const api = {
  async push(body: PushRequest): Promise<PushResponse> {
    return {
      serverEpoch: 'e1',
      serverTime: new Date().toISOString(),
      lastMutationId: body.mutations.at(-1)!.id,
      results: body.mutations.map((m) => ({ id: m.id, status: 'applied' as const })),
    };
  },
  async pull(): Promise<PullResponse> {
    return {
      serverEpoch: 'e1',
      serverTime: new Date().toISOString(),
      cursor: 'c1',
      hasMore: false,
      changes: [],
    };
  },
} as unknown as ApiClient;

/** An uploader confirming `confirmed[i]` blobs on its i-th pass. */
function uploader(confirmed: number[]): BlobUploader {
  let pass = 0;
  return { uploadPending: async () => ({ confirmed: confirmed[pass++] ?? 0, failed: 0, bytesSent: 0 }) };
}

/** An evictor whose passes never finish. */
function stuckEvictor() {
  const calls: number[] = [];
  const evictor: BlobEvictor = {
    run: () => {
      calls.push(Date.now());
      return new Promise(() => undefined);
    },
  };
  return { evictor, calls };
}

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`eviction-engine-${newId()}`);
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
  db.close();
  await db.delete();
});

describe('sync engine and eviction', () => {
  it('frees copies after a cycle that confirmed uploads, without waiting for it', async () => {
    const { evictor, calls } = stuckEvictor();
    const engine = createSyncEngine({ db, api, blobs: uploader([2, 0]), evictor, locks: null });

    expect(await engine.syncNow()).toMatchObject({ ok: true, blobsConfirmed: 2 });
    expect(calls).toHaveLength(1);
    // Nothing confirmed: no pass; and the stuck pass did not hold this cycle up.
    expect(await engine.syncNow()).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('checks the pressure at start, beside the first cycle', async () => {
    const { evictor, calls } = stuckEvictor();
    const engine = createSyncEngine({
      db,
      api,
      blobs: uploader([]),
      evictor,
      locks: null,
      periodicMs: 3_600_000,
    });
    engine.start();
    try {
      expect(calls).toHaveLength(1);
      expect(await engine.syncNow()).toMatchObject({ ok: true });
    } finally {
      engine.stop();
    }
  });
});
