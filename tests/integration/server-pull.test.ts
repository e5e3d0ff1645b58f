import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, type TestServer, type TestUser } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

type Change = { id: string; fields: Record<string, unknown> };
type Page = { changes: Change[]; cursor: string; hasMore: boolean; serverEpoch: string };

describe.each(backends)('pull paging, cursors and epochs on $name', (backend) => {
  let server: TestServer;
  let admin: TestUser;
  const processId = newId();
  const clientId = newId();
  let next = 1;

  const push = (mutations: (id: number) => Parameters<typeof pushBody>[1], epoch: string | null = null) => {
    const batch = mutations(next);
    return server
      .request('POST', '/api/v1/sync/push', { token: admin.token, body: pushBody(clientId, batch, epoch) })
      .then((res) => {
        if (res.status === 200) next += batch.length;
        return res;
      });
  };
  const pull = (query: string) =>
    server.request<Page>('GET', `/api/v1/sync/pull${query}`, { token: admin.token });
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  beforeAll(async () => {
    server = await backend.start();
    admin = await server.createUser({ username: 'admin', role: 'admin' });
    const sessions = Array.from({ length: 24 }, (_, i) => i);
    const res = await push((n) => [
      put(n, 'process', processId, processFields(), hlc(0)),
      ...sessions.map((i) =>
        put(n + 1 + i, 'session', newId(), sessionFields(processId, { title: `Sesión ${i}` }), hlc(1 + i)),
      ),
    ]);
    expect(res.status).toBe(200);
  });
  afterAll(() => server.close());

  it('pages through every change in commit order, and any earlier cursor returns every later change', async () => {
    const pages: Page[] = [];
    let cursor = '';
    do {
      const res = await pull(`?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.cursor;
    } while (pages[pages.length - 1]!.hasMore);
    expect(pages.map((p) => p.changes.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    const all = pages.flatMap((p) => p.changes.map((c) => c.id));
    expect(new Set(all).size).toBe(25);
    expect(all[0]).toBe(processId);

    // A record edited now moves after every earlier cursor.
    const edited = all[3]!;
    await push((n) => [put(n, 'session', edited, { title: 'Editada' }, hlc(100))]);
    const expectedAfter = (pageIndex: number) => [
      ...all.slice((pageIndex + 1) * 10).filter((id) => id !== edited),
      edited,
    ];
    for (const [i, page] of pages.entries()) {
      const rest = await pull(`?limit=1000&cursor=${page.cursor}`);
      expect(rest.body.changes.map((c) => c.id)).toEqual(expectedAfter(i));
    }
    const fromStart = await pull('');
    expect(fromStart.body.changes.at(-1)).toMatchObject({ id: edited, fields: { title: 'Editada' } });
  });

  it('validates limit and cursor', async () => {
    for (const limit of ['0', '1001', 'abc', '2.5']) {
      const res = await pull(`?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: { code: 'invalid_request', details: [expect.objectContaining({ path: 'query.limit' })] },
      });
    }
    expect((await pull('?limit=1000')).status).toBe(200);
    for (const cursor of [
      'not*base64',
      encode('text'),
      encode({ e: 'x' }),
      encode({ e: 'x', s: -1, f: 'borough' }),
      'eyJ',
    ]) {
      const res = await pull(`?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect((res.body as unknown as { error: { code: string } }).error.code).toBe('invalid_cursor');
    }
  });

  it('answers 409 epoch_changed to a cursor of another epoch', async () => {
    const res = await pull(`?cursor=${encode({ e: 'another-epoch', s: 0, f: 'borough' })}`);
    expect(res.status).toBe(409);
    expect((res.body as unknown as { error: { code: string } }).error.code).toBe('epoch_changed');
  });

  it('after rotateEpoch refuses pushes and cursors of the old epoch, and accepts a fresh start', async () => {
    const before = await pull('');
    const oldEpoch = before.body.serverEpoch;
    const accepted = await push(
      (n) => [put(n, 'session', newId(), sessionFields(processId), hlc(200))],
      oldEpoch,
    );
    expect(accepted.status).toBe(200);

    const newEpoch = await server.app.services.sync.rotateEpoch();
    expect(newEpoch).not.toBe(oldEpoch);
    const sessionId = newId();
    const refused = await push(
      (n) => [put(n, 'session', sessionId, sessionFields(processId), hlc(201))],
      oldEpoch,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('epoch_changed');
    expect((await pull(`?cursor=${before.body.cursor}`)).status).toBe(409);
    expect((await pull('')).body.changes.some((c) => c.id === sessionId)).toBe(false);

    const fresh = await server.request('POST', '/api/v1/sync/push', {
      token: admin.token,
      body: pushBody(newId(), [put(1, 'session', sessionId, sessionFields(processId), hlc(201))], newEpoch),
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.serverEpoch).toBe(newEpoch);
  });

  it('keeps data and tokens across a restart, and a restart with a new epoch invalidates old cursors', async () => {
    const before = await pull('');
    await server.restart();
    const same = await pull(`?cursor=${before.body.cursor}`);
    expect(same.status).toBe(200);
    expect(same.body.serverEpoch).toBe(before.body.serverEpoch);

    await server.restart({ newEpoch: true });
    expect((await pull(`?cursor=${before.body.cursor}`)).status).toBe(409);
    const all = await pull('');
    expect(all.body.serverEpoch).not.toBe(before.body.serverEpoch);
    expect(all.body.changes.map((c) => c.id)).toEqual(before.body.changes.map((c) => c.id));
  });

  it('never lets a pull skip a change while many pushes commit concurrently', async () => {
    const { cursor: start } = (await pull('?limit=1000')).body;
    const writers = 8;
    const perWriter = 6;
    const expected = new Set<string>();
    const pushes = Array.from({ length: writers }, async (_, w) => {
      const writerClient = newId();
      for (let m = 1; m <= perWriter; m++) {
        const id = newId();
        expected.add(id);
        const res = await server.request('POST', '/api/v1/sync/push', {
          token: admin.token,
          body: pushBody(writerClient, [
            put(
              m,
              'session',
              id,
              sessionFields(processId),
              hlc(300 + m, `00000000000000${(w + 16).toString(16)}`),
            ),
          ]),
        });
        expect(res.status).toBe(200);
      }
    });
    // A reader follows the cursor while the writers run; whatever it saw plus one final pull must be everything.
    const seen = new Set<string>();
    let cursor = start;
    let done = false;
    const reader = (async () => {
      while (!done) {
        const res = await pull(`?limit=5&cursor=${cursor}`);
        res.body.changes.forEach((c) => seen.add(c.id));
        cursor = res.body.cursor;
      }
    })();
    try {
      await Promise.all(pushes);
    } finally {
      done = true;
      await reader;
    }
    for (;;) {
      const res = await pull(`?limit=1000&cursor=${cursor}`);
      res.body.changes.forEach((c) => seen.add(c.id));
      cursor = res.body.cursor;
      if (!res.body.hasMore) break;
    }
    expect([...expected].filter((id) => !seen.has(id))).toEqual([]);
  });
});
