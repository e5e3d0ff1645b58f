/**
 * `estimate=1` on pull (a backwards-compatible extension for a first download's progress): the
 * answer says how many records are still to come after the page, counted within the reader's
 * scope; without the parameter the answer is as before, and the client engine shows the progress.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TequioDb } from '../../src/client/data/db';
import { createApiClient } from '../../src/client/net/api-client';
import { createSyncEngine, type DownloadProgress } from '../../src/client/sync/sync-engine';
import type { User } from '../../src/domain';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

type Page = { changes: { id: string }[]; cursor: string; hasMore: boolean; remaining?: number };

describe.each(backends)('pull estimate on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  let fac: TestUser;
  const mine = newId();
  const theirs = newId();

  const pull = (user: TestUser, query: string) =>
    server.request<Page>('GET', `/api/v1/sync/pull${query}`, { token: user.token });

  /** Every page from the start with `limit`, and the total it added up to. */
  async function pages(user: TestUser, query: string): Promise<Page[]> {
    const all: Page[] = [];
    let cursor = '';
    do {
      const res = await pull(user, `?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      all.push(res.body);
      cursor = res.body.cursor;
    } while (all.at(-1)!.hasMore);
    return all;
  }

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    fac = await server.createUser({ username: 'fac', role: 'facilitator' });
    const res = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), [
        put(1, 'process', mine, processFields({ name: 'Proceso propio', teamUserIds: [fac.id] }), hlc(0)),
        put(2, 'process', theirs, processFields({ name: 'Proceso ajeno' }), hlc(0)),
        ...Array.from({ length: 12 }, (_, i) =>
          put(
            3 + i,
            'session',
            newId(),
            sessionFields(i % 2 ? theirs : mine, { title: `Sesión ${i}` }),
            hlc(1 + i),
          ),
        ),
      ]),
    });
    expect(res.status).toBe(200);
  });
  afterAll(() => server.close());

  it('says how many records remain after each page, down to 0 on the last', async () => {
    const plain = await pages(admin, 'limit=1000');
    const total = plain.flatMap((p) => p.changes).length;
    expect(total).toBeGreaterThanOrEqual(14);

    const estimated = await pages(admin, 'limit=5&estimate=1');
    let received = 0;
    for (const page of estimated) {
      received += page.changes.length;
      expect(page.remaining).toBe(total - received);
    }
    expect(estimated.at(-1)!.remaining).toBe(0);
  });

  it('counts only what the reader may see', async () => {
    const seen = (await pages(fac, 'limit=1000')).flatMap((p) => p.changes).length;
    // Their own process and its six sessions, plus reference data; never the other process.
    const first = await pull(fac, '?limit=2&estimate=1');
    expect(first.body.changes).toHaveLength(2);
    expect(first.body.remaining).toBe(seen - 2);
    expect(seen).toBeLessThan((await pages(admin, 'limit=1000')).flatMap((p) => p.changes).length);
  });

  it('answers as before without the parameter, and refuses a malformed one', async () => {
    const res = await pull(admin, '?limit=5');
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('remaining');
    expect((await pull(admin, '?estimate=0')).body).not.toHaveProperty('remaining');
    const bad = await pull(admin, '?estimate=yes');
    expect(bad.status).toBe(400);
  });

  it('the sync engine of a never-synced device asks for it and reports the first download’s progress', async () => {
    const db = new TequioDb(`estimate-${newId()}`);
    await db.open();
    const me = await server.request<User>('GET', '/api/v1/auth/me', { token: fac.token });
    await db.setMeta('account', { token: fac.token, user: me.body });
    const pulls: string[] = [];
    const recording: typeof fetch = (input, init) => {
      if (String(input).includes('/sync/pull')) pulls.push(String(input));
      return fetch(input, init);
    };
    const api = createApiClient({ baseUrl: server.url, getToken: () => fac.token, fetch: recording });
    const engine = createSyncEngine({ db, api, pullLimit: 3, locks: null, blobs: null, evictor: null });
    const seen: (DownloadProgress | null | undefined)[] = [];
    engine.subscribe((status) => {
      if (status.download !== seen.at(-1)) seen.push(status.download);
    });
    const result = await engine.syncNow();
    expect(result.ok).toBe(true);
    expect(result.pulled).toBeGreaterThan(6);

    const progress = seen.filter((d) => d);
    expect(progress[0]).toEqual({ received: 0, total: null, first: true });
    expect(progress[1]).toMatchObject({ received: 3, total: result.pulled, first: true });
    expect(progress.at(-1)).toMatchObject({ received: result.pulled, total: result.pulled });
    expect(engine.getStatus().download).toBeNull();
    expect(pulls.length).toBeGreaterThan(2);
    expect(pulls.every((url) => url.includes('estimate=1'))).toBe(true);

    // Once synced, later pulls do not ask.
    pulls.length = 0;
    await engine.syncNow();
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).not.toContain('estimate');

    // A later pull longer than one page asks from its second page on, and shows its progress too.
    const more = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(
        newId(),
        Array.from({ length: 7 }, (_, i) =>
          put(i + 1, 'session', newId(), sessionFields(mine, { title: `Más ${i}` }), hlc(100 + i)),
        ),
      ),
    });
    expect(more.status).toBe(200);
    pulls.length = 0;
    seen.length = 0;
    const later = await engine.syncNow();
    expect(later.pulled).toBe(7);
    expect(pulls[0]).not.toContain('estimate');
    expect(pulls.slice(1).every((url) => url.includes('estimate=1'))).toBe(true);
    const longPull = seen.filter((d) => d);
    expect(longPull[0]).toMatchObject({ received: 3, first: false });
    expect(longPull.at(-1)).toMatchObject({ received: 7, total: 7, first: false });
    expect(engine.getStatus().download).toBeNull();
    engine.stop();
    db.close();
  });
});
