/**
 * A device's own keep-alive HTTP connection (node:http, one socket per device), as a tablet
 * holds one to its server: requests of different simulated devices never queue behind each
 * other in the driver, so the latencies measured are the server's.
 */
import http from 'node:http';

export interface DeviceConnection {
  request(
    method: 'GET' | 'POST',
    path: string,
    options?: { body?: string; token?: string },
  ): Promise<{ status: number; text: string }>;
  close(): void;
}

export function deviceConnection(baseUrl: string): DeviceConnection {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request(method, path, { body, token } = {}) {
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers: {
              ...(body !== undefined
                ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
                : {}),
              ...(token ? { authorization: `Bearer ${token}` } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
            );
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
