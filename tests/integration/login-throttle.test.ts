/**
 * Login throttling against the real server under concurrency: a burst of
 * parallel guesses gets no more real answers than the limit, and the
 * rightful user still signs in from a known device while a username is
 * under attack from many addresses. Requests leave from chosen loopback
 * addresses (127.x.y.z) so each test controls which IP the server sees.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableBackends, DEFAULT_PASSWORD, type Json, type TestServer } from './harness';

const backends = await availableBackends();

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: Json;
}

/** POSTs JSON on a fresh connection from `from` (a loopback address) to the server. */
function postFrom(server: TestServer, from: string, urlPath: string, body: unknown): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path: urlPath,
        method: 'POST',
        localAddress: from,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const loginFrom = (
  server: TestServer,
  from: string,
  body: { username: string; password: string; deviceKey?: string },
) => postFrom(server, from, '/api/v1/auth/login', { deviceLabel: 'Tablet', ...body });

function tally(answers: Answer[]) {
  const counts = new Map<number, number>();
  for (const a of answers) counts.set(a.status, (counts.get(a.status) ?? 0) + 1);
  return Object.fromEntries(counts) as Record<number, number>;
}

function expectRateLimited(answer: Answer) {
  expect(answer.status).toBe(429);
  expect(answer.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
  expect(Number(answer.retryAfter)).toBeGreaterThan(0);
}

describe.each(backends)('login throttle under concurrency on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  it('200 parallel wrong logins for one username get at most 5 real answers', async () => {
    await server.createUser({ username: 'objetivo', role: 'facilitator' });
    // An existing and an unknown username are held back alike (no username enumeration).
    for (const [username, from] of [
      ['objetivo', '127.0.1.1'],
      ['nadie-existe', '127.0.1.2'],
    ] as const) {
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => loginFrom(server, from, { username, password: `wrong ${i}` })),
      );
      const counts = tally(answers);
      expect(Object.keys(counts).sort()).toEqual(['401', '429']);
      expect(counts[401]).toBeLessThanOrEqual(5);
      expect(counts[401]! + counts[429]!).toBe(200);
      for (const answer of answers.filter((a) => a.status === 429)) expectRateLimited(answer);
    }
    // The right password from an unknown device waits its turn too.
    expectRateLimited(
      await loginFrom(server, '127.0.1.3', { username: 'objetivo', password: DEFAULT_PASSWORD }),
    );
  });

  it('a username no database keeps as sent (a lone surrogate) is counted like any other, never a 500', async () => {
    // The counters keep a digest of the username, so what is read back is what was written.
    const answers = [];
    for (let i = 0; i < 3; i++) {
      answers.push(
        await loginFrom(server, '127.0.1.9', { username: '\ud800', password: `wrong ${i}-password` }),
      );
    }
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401]);
  });

  it('the rightful user with a known device signs in while the username is under attack', async () => {
    await server.createUser({ username: 'mara', role: 'facilitator' });
    await server.createUser({ username: 'otro', role: 'facilitator' });
    const first = await loginFrom(server, '127.0.0.1', { username: 'mara', password: DEFAULT_PASSWORD });
    expect(first.status).toBe(200);
    const deviceKey = first.body.deviceKey as string;
    expect(deviceKey).toEqual(expect.any(String));
    const otherKey = (await loginFrom(server, '127.0.0.1', { username: 'otro', password: DEFAULT_PASSWORD }))
      .body.deviceKey as string;

    // A distributed attack: 200 parallel guesses, each from its own address.
    const attack = () =>
      Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          loginFrom(server, `127.0.2.${i + 1}`, { username: 'MARA', password: `guess ${i}` }),
        ),
      );
    const counts = tally(await attack());
    expect(counts[401]).toBeLessThanOrEqual(5);
    expect(counts[429]).toBeGreaterThanOrEqual(195);

    // Without the key, or with another user's or a forged one, even the right password waits.
    const forged = deviceKey.replace(/.(?=.{10}$)/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const key of [undefined, otherKey, forged]) {
      expectRateLimited(
        await loginFrom(server, '127.0.0.1', {
          username: 'mara',
          password: DEFAULT_PASSWORD,
          deviceKey: key,
        }),
      );
    }

    // With the key: a typo gets a real answer, the right password a session.
    const typo = await loginFrom(server, '127.0.0.1', { username: 'mara', password: 'typo', deviceKey });
    expect(typo.status).toBe(401);
    const signedIn = await loginFrom(server, '127.0.0.1', {
      username: 'mara',
      password: DEFAULT_PASSWORD,
      deviceKey,
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe('mara');
    expect(signedIn.body.deviceKey).toEqual(expect.any(String));
    const me = await server.request('GET', '/api/v1/auth/me', { token: signedIn.body.token });
    expect(me.status).toBe(200);

    // Her sign-in does not open the door again for the attackers.
    const after = tally(await attack());
    expect(after).toEqual({ 429: 200 });
  });
});

describe.each(backends)('setup code throttle under concurrency on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(() => server.close());

  it('200 parallel wrong setup codes from one address get at most 20 real answers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        postFrom(server, '127.0.3.1', '/api/v1/setup', {
          code: 'AAAA-AAAA',
          username: 'primera',
          displayName: 'Primera Admin',
          password: 'una contraseña larga',
          deviceLabel: 'PC oficina',
        }),
      ),
    );
    const counts = tally(answers);
    expect(counts[403]).toBeLessThanOrEqual(20);
    expect(counts[403]! + counts[429]!).toBe(200);
    for (const answer of answers.filter((a) => a.status === 429)) expectRateLimited(answer);
    expect(server.setupCode()).not.toBeNull();
  });
});
