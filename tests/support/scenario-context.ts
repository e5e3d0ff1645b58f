/**
 * Shared setup of the scenario suites: one real server per backend with a fault proxy in
 * front of it, a coordinator and a facilitator, simulated devices closed after each test,
 * and every exchange the proxy saw (to read what the server answered even when the device
 * never got the answer).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openDevice, type Device, type DeviceOptions } from '../integration/device';
import type { Backend, TestServer, TestUser } from '../integration/harness';
import { startFaultProxy, type Exchange, type FaultProxy } from './fault-proxy';

export interface ScenarioContext {
  server: TestServer;
  proxy: FaultProxy;
  coordinator: TestUser;
  facilitator: TestUser;
  exchanges: Exchange[];
  /** A device of `user`; through the proxy when `viaProxy` (default), else straight to the server. */
  device(user: TestUser, options?: DeviceOptions & { viaProxy?: boolean }): Promise<Device>;
}

export interface PushExchange {
  clientId: string;
  ids: number[];
  /** One list of result statuses per answer the server gave. */
  statuses: string[][];
}

/** The pushes among the exchanges, with the statuses the server answered. */
export function pushesOf(exchanges: Exchange[]): PushExchange[] {
  return exchanges
    .filter((e) => e.method === 'POST' && e.path === '/api/v1/sync/push')
    .map((e) => {
      const body = JSON.parse(e.requestBody.toString('utf8')) as {
        clientId: string;
        mutations: { id: number }[];
      };
      return {
        clientId: body.clientId,
        ids: body.mutations.map((m) => m.id),
        statuses: e.responses
          .filter((r) => r.status === 200)
          .map((r) =>
            (JSON.parse(r.body.toString('utf8')) as { results: { status: string }[] }).results.map(
              (x) => x.status,
            ),
          ),
      };
    });
}

export function scenarioContext(backend: Backend): ScenarioContext {
  const devices: Device[] = [];
  const ctx = {
    exchanges: [] as Exchange[],
    async device(user: TestUser, options: DeviceOptions & { viaProxy?: boolean } = {}) {
      const { viaProxy = true, ...rest } = options;
      const d = await openDevice(ctx.server, user, {
        ...(viaProxy ? { baseUrl: ctx.proxy.url } : {}),
        ...rest,
      });
      devices.push(d);
      return d;
    },
  } as ScenarioContext;

  beforeAll(async () => {
    ctx.server = await backend.start();
    ctx.proxy = await startFaultProxy({ target: ctx.server.url, onExchange: (e) => ctx.exchanges.push(e) });
    ctx.coordinator = await ctx.server.createUser({ username: 'laura', role: 'coordinator' });
    ctx.facilitator = await ctx.server.createUser({ username: 'rosa', role: 'facilitator' });
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.close()));
    ctx.exchanges.length = 0;
  });
  afterAll(async () => {
    await ctx.proxy?.close();
    await ctx.server?.close();
  });
  return ctx;
}
