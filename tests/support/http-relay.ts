/**
 * The plain HTTP plumbing of the fault proxy: read a whole request, relay it to the server
 * (optionally cutting it midway), and send an answer back (optionally cutting its body).
 * Bodies are buffered whole: the proxy must know the full exchange to cut it where it wants.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The server could not be reached (502) or did not answer in time (504). */
export class UpstreamDown extends Error {
  constructor(readonly status: 502 | 504) {
    super(status === 504 ? 'upstream timeout' : 'upstream unreachable');
  }
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.destroy();
        reject(new Error('request body too large for the fault proxy'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forwardHeaders(headers: IncomingHttpHeaders, host: string, bodyLength: number) {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = value;
  }
  out.host = host;
  out.connection = 'close';
  if (bodyLength > 0 || out['content-length'] !== undefined) out['content-length'] = String(bodyLength);
  return out;
}

export interface RelayOptions {
  target: URL;
  req: IncomingMessage;
  body: Buffer;
  /** Send the head and half the body, then kill the connection; resolves null (or an early answer). */
  cutRequest: boolean;
  timeoutMs: number;
  /** Requests in flight, so closing the proxy can end them. */
  inFlight: Set<http.ClientRequest>;
}

/** Sends one request to the server on a fresh connection and reads its whole answer. */
export function relay({ target, req, body, cutRequest, timeoutMs, inFlight }: RelayOptions) {
  return new Promise<UpstreamAnswer | null>((resolve, reject) => {
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: forwardHeaders(req.headers, target.host, body.length),
      agent: false,
    });
    inFlight.add(upstream);
    const timer = setTimeout(() => upstream.destroy(new UpstreamDown(504)), timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      inFlight.delete(upstream);
    };
    upstream.on('error', (error) => {
      finish();
      if (cutRequest) resolve(null);
      else reject(error instanceof UpstreamDown ? error : new UpstreamDown(502));
    });
    upstream.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        finish();
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (error) => {
        finish();
        reject(error instanceof UpstreamDown ? error : new UpstreamDown(502));
      });
    });
    if (cutRequest) {
      // The server sees a head that promises the whole body, gets half, then a dead connection.
      upstream.flushHeaders();
      upstream.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        setTimeout(() => upstream.destroy(), 20);
      });
    } else {
      upstream.end(body);
    }
  });
}

/** Sends the server's answer to the client, or its head and half its body followed by a reset. */
export function respond(res: ServerResponse, answer: UpstreamAnswer, cutBody: boolean) {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers['content-length'] = String(answer.body.length);
  res.writeHead(answer.status, headers);
  if (!cutBody) {
    res.end(answer.body);
    return;
  }
  res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => {
    setTimeout(() => res.socket?.destroy(), 10);
  });
}
