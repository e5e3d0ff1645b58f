/**
 * A fault-injecting HTTP proxy for tests: it sits on 127.0.0.1 in front of a server on
 * loopback and, by a seeded PRNG and configurable rates, breaks the network the way field
 * networks break:
 *
 * - `drop`: the request never reaches the server; the client's connection is reset;
 * - `delay`: the request is held for a while (≤ maxDelayMs) before it is forwarded;
 * - `duplicate`: the request is sent to the server twice at once (a retrying middlebox);
 *   the client gets one of the two answers;
 * - `cutRequest`: the server gets the head and part of the body, then the connection dies;
 * - `cutResponse`: the server does the work, the client gets a reset instead of the answer;
 * - `cutResponseBody`: the client gets the status, the headers and half of the body, then a reset.
 *
 * Bounded: faults are injected only during `faultWindowMs` after start (or `setRates`), at
 * most `maxFaults` of them, delays never exceed `maxDelayMs`, and an upstream that does not
 * answer within `upstreamTimeoutMs` gets a 504. When the server is down the proxy answers
 * 502, as a reverse proxy would. Scenario tests can queue exact faults with `inject()`,
 * which bypass the rates and the window but still count.
 *
 *   const proxy = await startFaultProxy({ target: server.url, seed: 42, rates: { drop: 0.05 } });
 *   const device = await openDevice(server, user, { baseUrl: proxy.url });
 *   … proxy.counts.drop, proxy.stats() …
 *   await proxy.close();
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readBody, relay, respond, UpstreamDown } from './http-relay';

export const FAULT_KINDS = [
  'drop',
  'delay',
  'duplicate',
  'cutRequest',
  'cutResponse',
  'cutResponseBody',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultRates = Record<FaultKind, number>;

export interface ProxiedRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/sync/pull?cursor=…`. */
  path: string;
}

/** What the proxy saw of one client request (after the faults were decided). */
export interface Exchange extends ProxiedRequest {
  faults: FaultKind[];
  requestBody: Buffer;
  /** One entry per answer the server gave (two for a duplicated request); `null` status when none came. */
  responses: { status: number | null; body: Buffer }[];
}

export interface FaultProxyOptions {
  /** The server, e.g. http://127.0.0.1:41234. Must be a loopback address. */
  target: string;
  seed?: number;
  /** Probability of each fault per request (0..1). At most one of drop/cut*, plus delay and duplicate. */
  rates?: Partial<FaultRates>;
  maxDelayMs?: number;
  /** No more faults after this many (injected ones included). */
  maxFaults?: number;
  /** Random faults only during this long after start / setRates (ms). */
  faultWindowMs?: number;
  upstreamTimeoutMs?: number;
  /** Only requests whose path starts with one of these get random faults (default: all). */
  paths?: string[];
  /** Called for each finished exchange (e.g. to check push results). */
  onExchange?: (exchange: Exchange) => void;
}

export interface InjectRule {
  kind: FaultKind;
  /** Which requests it applies to (default: any). */
  match?: (request: ProxiedRequest) => boolean;
  /** How many requests it hits (default 1). */
  times?: number;
  /** For `delay`: exactly this long (ms) instead of a random delay. */
  delayMs?: number;
}

export interface ProxyStats {
  requests: number;
  faults: Record<FaultKind, number>;
  totalFaults: number;
  /** Requests answered 502/504 because the server was down or silent. */
  upstreamDown: number;
}

export interface FaultProxy {
  url: string;
  readonly counts: Record<FaultKind, number>;
  stats(): ProxyStats;
  /** New random rates (0 everywhere to pass everything through); restarts the fault window. */
  setRates(rates: Partial<FaultRates>): void;
  /** Queues exact faults for the next matching requests. */
  inject(rule: InjectRule): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
/** mulberry32: small, fast and good enough to replay a run from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const zeroRates = (): FaultRates => ({
  drop: 0,
  delay: 0,
  duplicate: 0,
  cutRequest: 0,
  cutResponse: 0,
  cutResponseBody: 0,
});

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname)) {
    throw new Error(`the fault proxy only fronts loopback http servers, not ${options.target}`);
  }
  const random = seededRandom(options.seed ?? 1);
  const maxDelayMs = options.maxDelayMs ?? 200;
  const maxFaults = options.maxFaults ?? Number.POSITIVE_INFINITY;
  const faultWindowMs = options.faultWindowMs ?? Number.POSITIVE_INFINITY;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 10_000;
  let rates: FaultRates = { ...zeroRates(), ...options.rates };
  let windowStart = Date.now();
  const counts: Record<FaultKind, number> = zeroRates();
  let totalFaults = 0;
  let requests = 0;
  let upstreamDown = 0;
  const rules: (Required<Omit<InjectRule, 'delayMs'>> & { delayMs?: number })[] = [];
  const fixedDelays = new WeakMap<IncomingMessage, number>();
  const sockets = new Set<Socket>();
  const upstreamRequests = new Set<http.ClientRequest>();

  function note(kind: FaultKind) {
    counts[kind]++;
    totalFaults++;
  }

  /** The faults for one request: injected rules first, then the dice. */
  function decide(req: IncomingMessage, request: ProxiedRequest, bodyLength: number): FaultKind[] {
    // Without a body there is nothing to cut midway: the request is simply lost.
    const cuttable = (kind: FaultKind): FaultKind =>
      kind === 'cutRequest' && bodyLength < 2 ? 'drop' : kind;
    const ruleIndex = rules.findIndex((r) => r.match(request));
    if (ruleIndex >= 0) {
      const rule = rules[ruleIndex]!;
      if (--rule.times <= 0) rules.splice(ruleIndex, 1);
      if (rule.delayMs !== undefined) fixedDelays.set(req, Math.min(rule.delayMs, maxDelayMs * 10));
      return [cuttable(rule.kind)];
    }
    // Draw every number whatever the outcome, so one request's faults do not shift the next one's.
    const dice = FAULT_KINDS.map(() => random());
    const eligible =
      totalFaults < maxFaults &&
      Date.now() - windowStart < faultWindowMs &&
      (!options.paths || options.paths.some((p) => request.path.startsWith(p)));
    if (!eligible) return [];
    const chosen: FaultKind[] = [];
    const hit = (kind: FaultKind) => dice[FAULT_KINDS.indexOf(kind)]! < rates[kind];
    // At most one fault that breaks the exchange; delay and duplicate can come along with it.
    const found = (['drop', 'cutRequest', 'cutResponse', 'cutResponseBody'] as const).find(hit);
    const breaking = found && cuttable(found);
    if (hit('delay')) chosen.push('delay');
    if (breaking !== 'drop' && hit('duplicate')) chosen.push('duplicate');
    if (breaking) chosen.push(breaking);
    return chosen.slice(0, Math.max(0, maxFaults - totalFaults));
  }

  const callUpstream = (req: IncomingMessage, body: Buffer, cutRequest: boolean) =>
    relay({ target, req, body, cutRequest, timeoutMs: upstreamTimeoutMs, inFlight: upstreamRequests });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    requests++;
    const request: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/' };
    const body = await readBody(req);
    const faults = decide(req, request, body.length);
    faults.forEach(note);
    const exchange: Exchange = { ...request, faults, requestBody: body, responses: [] };
    const has = (kind: FaultKind) => faults.includes(kind);
    try {
      if (has('delay')) {
        const ms = fixedDelays.get(req) ?? Math.round(random() * maxDelayMs);
        await new Promise((r) => setTimeout(r, ms));
      }
      if (has('drop')) {
        req.socket.destroy();
        return;
      }
      if (has('cutRequest')) {
        const answers = await Promise.allSettled([
          callUpstream(req, body, true),
          ...(has('duplicate') ? [callUpstream(req, body, false)] : []),
        ]);
        for (const a of answers) {
          exchange.responses.push(
            a.status === 'fulfilled' && a.value
              ? { status: a.value.status, body: a.value.body }
              : { status: null, body: Buffer.alloc(0) },
          );
        }
        req.socket.destroy();
        return;
      }
      const calls = [callUpstream(req, body, false)];
      if (has('duplicate')) calls.push(callUpstream(req, body, false));
      const answers = await Promise.allSettled(calls);
      for (const a of answers) {
        exchange.responses.push(
          a.status === 'fulfilled' && a.value
            ? { status: a.value.status, body: a.value.body }
            : { status: null, body: Buffer.alloc(0) },
        );
      }
      const first = answers[0]!;
      if (first.status === 'rejected') throw first.reason;
      if (has('cutResponse')) {
        req.socket.destroy();
        return;
      }
      respond(res, first.value!, has('cutResponseBody'));
    } catch (error) {
      const status = error instanceof UpstreamDown ? error.status : 502;
      upstreamDown++;
      if (!res.headersSent) {
        const payload = JSON.stringify({
          error: { code: status === 504 ? 'gateway_timeout' : 'bad_gateway', message: 'server unreachable' },
        });
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': payload.length });
        res.end(payload);
      } else {
        req.socket.destroy();
      }
    } finally {
      options.onExchange?.(exchange);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // A reset mid-exchange is the point of the exercise; never let it become an unhandled error.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    stats: () => ({ requests, faults: { ...counts }, totalFaults, upstreamDown }),
    setRates(next) {
      rates = { ...zeroRates(), ...next };
      windowStart = Date.now();
    },
    inject(rule) {
      rules.push({ match: () => true, times: 1, ...rule });
    },
    async close() {
      for (const upstream of upstreamRequests) upstream.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
