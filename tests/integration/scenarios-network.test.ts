/**
 * Scenarios of a broken network, on SQLite and PostgreSQL: the real sync engine of simulated
 * devices talks to the real server through the fault proxy, which cuts exactly the exchange
 * each scenario is about. Each test is named after the promise it proves.
 */
import 'fake-indexeddb/auto'; // before anything that loads Dexie
import { describe, expect, it } from 'vitest';
import { createProcess } from '../../src/client/data/processes.repository';
import { createSession, listSessions } from '../../src/client/data/sessions.repository';
import { aProcess, aSession } from '../fixtures/sessions';
import { pushesOf, scenarioContext } from '../support/scenario-context';
import { deviceState, serverState } from '../support/replica-state';
import { availableBackends } from './harness';

const backends = await availableBackends();
const PUSH = '/api/v1/sync/push';
const PULL = '/api/v1/sync/pull';

describe.each(backends)('network scenarios on $name', (backend) => {
  const ctx = scenarioContext(backend);

  async function lastMutationIdOf(clientId: string) {
    const row = await ctx.server.db.db
      .selectFrom('clients')
      .select('last_mutation_id')
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row ? Number(row.last_mutation_id) : null;
  }

  async function recordsOfProcess(processId: string) {
    return ctx.server.db.db
      .selectFrom('records')
      .select(['entity', 'id'])
      .where('process_id', '=', processId)
      .execute();
  }

  it('the server dies after commit but before its response: the retry is a duplicate, not a copy', async () => {
    const tablet = await ctx.device(ctx.facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    await createSession(tablet.db, aSession(processId));
    ctx.proxy.inject({ kind: 'cutResponse', match: (r) => r.path === PUSH });

    expect(await tablet.engine.syncNow()).toMatchObject({ ok: false, error: 'network' });
    expect(await tablet.db.outbox.count()).toBe(2); // no answer: not acknowledged, kept
    expect(await recordsOfProcess(processId)).toHaveLength(2); // …but the server had committed

    expect((await tablet.engine.syncNow()).ok).toBe(true);
    const pushes = pushesOf(ctx.exchanges);
    expect(pushes.map((p) => p.statuses)).toEqual([
      [['applied', 'applied']], // the answer the tablet never got
      [['duplicate', 'duplicate']], // the retry
    ]);
    expect(await tablet.db.outbox.count()).toBe(0);
    expect(await recordsOfProcess(processId)).toHaveLength(2);
    expect(await lastMutationIdOf((await tablet.db.getMeta('clientId'))!)).toBe(2);
    expect(await tablet.db.rejected.count()).toBe(0);
  });

  it('the same batch pushed from two tabs at once is applied once', async () => {
    // Two tabs of one browser: two engines over the same IndexedDB database, no Web Locks between them.
    const dbName = `tabs-${crypto.randomUUID()}`;
    const tabA = await ctx.device(ctx.facilitator, { dbName });
    const tabB = await ctx.device(ctx.facilitator, { dbName });
    const processId = await createProcess(tabA.db, aProcess());
    await createSession(tabA.db, aSession(processId, { title: 'Asamblea norte' }));
    await createSession(tabB.db, aSession(processId, { title: 'Asamblea sur' }));
    // Hold the first push so the second tab reads the same outbox before anything is acknowledged.
    ctx.proxy.inject({ kind: 'delay', delayMs: 300, match: (r) => r.path === PUSH });

    const [a, b] = await Promise.all([tabA.engine.syncNow(), tabB.engine.syncNow()]);
    expect(a.ok && b.ok).toBe(true);
    const pushes = pushesOf(ctx.exchanges);
    expect(pushes).toHaveLength(2);
    expect(pushes[0]!.ids).toEqual([1, 2, 3]);
    expect(pushes[1]!.ids).toEqual([1, 2, 3]);
    expect(pushes.map((p) => p.statuses[0]!.join()).sort()).toEqual([
      'applied,applied,applied',
      'duplicate,duplicate,duplicate',
    ]);
    expect(await recordsOfProcess(processId)).toHaveLength(3);
    expect(await lastMutationIdOf((await tabA.db.getMeta('clientId'))!)).toBe(3);
    expect(await tabA.db.outbox.count()).toBe(0);

    // The same race without the engine: one batch sent twice at the same instant.
    const clientId = crypto.randomUUID();
    const sessionId = crypto.randomUUID();
    const body = {
      clientId,
      serverEpoch: null,
      mutations: [
        {
          id: 1,
          entity: 'session',
          recordId: sessionId,
          op: 'put',
          fields: aSession(processId),
          hlc: '2026-11-20T17:02:11.000Z-0000-8f3a9c2b1d4e5f60',
        },
        {
          id: 2,
          entity: 'session',
          recordId: sessionId,
          op: 'put',
          fields: { notes: 'segunda' },
          hlc: '2026-11-20T17:02:12.000Z-0000-8f3a9c2b1d4e5f60',
        },
      ],
    };
    const raw = await Promise.all(
      [0, 1].map(() => ctx.server.request('POST', PUSH, { token: ctx.facilitator.token, body })),
    );
    expect(raw.map((r) => r.status)).toEqual([200, 200]);
    expect(
      raw.map((r) => (r.body.results as { status: string }[]).map((x) => x.status).join()).sort(),
    ).toEqual(['applied,applied', 'duplicate,duplicate']);
    expect(await recordsOfProcess(processId)).toHaveLength(4);
    expect(await lastMutationIdOf(clientId)).toBe(2);
  });

  it('a pull cut off mid-page resumes to the same result', async () => {
    const tablet = await ctx.device(ctx.facilitator, { viaProxy: false });
    const processId = await createProcess(tablet.db, aProcess());
    for (let i = 0; i < 30; i++)
      await createSession(tablet.db, aSession(processId, { title: `Sesión ${i + 1}` }));
    expect((await tablet.engine.syncNow()).ok).toBe(true);

    const office = await ctx.device(ctx.coordinator, { pullLimit: 8 });
    let pulls = 0;
    ctx.proxy.inject({ kind: 'cutResponseBody', match: (r) => r.path.startsWith(PULL) && ++pulls === 3 });
    expect(await office.engine.syncNow()).toMatchObject({ ok: false, error: 'network' });
    const cut = ctx.exchanges.find((e) => e.faults.includes('cutResponseBody'))!;
    expect(cut.responses[0]!.status).toBe(200); // the page was whole at the server, half of it reached the device
    const partial = await office.db.sessions.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(30);

    expect((await office.engine.syncNow()).ok).toBe(true);
    const fresh = await ctx.device(ctx.coordinator, { viaProxy: false });
    expect((await fresh.engine.syncNow()).ok).toBe(true);
    expect(await deviceState(office.db)).toEqual(await deviceState(fresh.db));
    expect(await deviceState(office.db)).toEqual(await serverState(ctx.server));
    expect(await listSessions(office.db, processId)).toHaveLength(30);
  });

  it('an invalid mutation in the middle of a batch: the rest sync, the bad one is shown', async () => {
    const tablet = await ctx.device(ctx.facilitator);
    const processId = await createProcess(tablet.db, aProcess());
    const before = await createSession(tablet.db, aSession(processId, { title: 'Antes' }));
    const bad = await createSession(tablet.db, aSession(processId, { title: 'Mala' }));
    const after = await createSession(tablet.db, aSession(processId, { title: 'Después' }));
    // What an older or buggy client might send: a session the shared schema refuses.
    await tablet.db.outbox.where({ entity: 'session', recordId: bad }).modify((m) => {
      if (m.op === 'put') m.fields.attendance = { counts: 'muchas personas' };
    });

    const result = await tablet.engine.syncNow();
    expect(result).toMatchObject({ ok: true, pushed: 4, rejected: 1 });
    expect(pushesOf(ctx.exchanges).map((p) => p.statuses)).toEqual([
      [['applied', 'applied', 'rejected', 'applied']],
    ]);
    expect(await tablet.db.outbox.count()).toBe(0);
    const shown = await tablet.db.rejected.toArray();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      entity: 'session',
      recordId: bad,
      op: 'put',
      code: 'validation_failed',
    });
    expect(shown[0]!.message).toMatch(/attendance/);
    const review = await ctx.server.request('GET', '/api/v1/sync/rejections', {
      token: ctx.coordinator.token,
    });
    expect(review.body.rejections).toEqual([
      expect.objectContaining({ recordId: bad, code: 'validation_failed' }),
    ]);

    const office = await ctx.device(ctx.coordinator);
    expect((await office.engine.syncNow()).ok).toBe(true);
    expect((await listSessions(office.db, processId)).map((s) => s.id).sort()).toEqual(
      [before, after].sort(),
    );
  });
});
