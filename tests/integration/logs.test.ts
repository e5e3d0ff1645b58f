/**
 * No personal data or secrets in the logs. The real server (main.ts, its
 * own logger and redaction settings) runs as a child process at the most
 * verbose level, its output captured, through a login, pushes with
 * personal data in the fields, a rejected and an invalid push, a pull,
 * device listing, failed logins and a logout — and the captured log must
 * hold none of the tokens, passwords, usernames, display names, device
 * labels or field values that went through it.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database';
import { migrateToLatest } from '../../src/server/db/migrations';
import { createUsersRepository } from '../../src/server/repositories/users.repository';
import { createUsersService } from '../../src/server/services/users.service';
import {
  createThrowawayStore,
  startChildServer,
  type ChildServer,
  type ThrowawayStore,
} from './child-server';
import { availableBackends } from './harness';
import { hlc, newId, processFields, pushBody, put, sessionFields } from './server-fixtures';

const backends = await availableBackends();

const SECRETS = {
  username: 'rosa.martinez.campo',
  password: 'mi contraseña secreta 2026',
  displayName: 'Rosa Martínez Oyarzábal',
  deviceLabel: 'Tableta gris de Rosa',
  wrongPassword: 'contraseña equivocada 99',
  ghost: 'usuario.fantasma.x',
  processName: 'Colonia Tlacuache Dorado',
  title: 'Asamblea en casa de Doña Petra',
  place: 'Calle Cempasúchil 42 interior 3',
  facilitator: 'Eufrosina Quetzalli Bautista',
  notes: 'Teléfono de Juan Pérez: 55 1234 5678',
  agreement: 'Reparar la luminaria frente a la primaria Benito Juárez',
  responsible: 'Maclovio Hernández Ruiz',
};

describe.each(backends)('logs on $name', (backend) => {
  let store: ThrowawayStore;
  let server: ChildServer;

  beforeAll(async () => {
    store = await createThrowawayStore(backend.name);
    const database = openDatabase(store.config);
    await migrateToLatest(database.db);
    await createUsersService({ users: createUsersRepository(database.db) }).createUser(
      {
        username: SECRETS.username,
        displayName: SECRETS.displayName,
        role: 'admin',
        password: SECRETS.password,
      },
      'system',
    );
    await database.close();
    server = await startChildServer({ ...store.env, LOG_LEVEL: 'trace' });
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await server?.exited;
    await store.drop();
  });

  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  it('holds no token, password, username, name, device label or field value', async () => {
    const login = await call('POST', '/api/v1/auth/login', {
      username: SECRETS.username,
      password: SECRETS.password,
      deviceLabel: SECRETS.deviceLabel,
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;

    const processId = newId();
    const session = sessionFields(processId, {
      title: SECRETS.title,
      place: SECRETS.place,
      facilitators: [SECRETS.facilitator],
      notes: SECRETS.notes,
      agreements: [
        { id: 'a1', text: SECRETS.agreement, responsible: SECRETS.responsible, status: 'pending' },
      ],
    });
    const pushed = await call(
      'POST',
      '/api/v1/sync/push',
      pushBody(newId(), [
        put(1, 'process', processId, processFields({ name: SECRETS.processName }), hlc(0)),
        put(2, 'session', newId(), session, hlc(1)),
        // Rejected (no date): kept for review, with its personal data, in the database only.
        put(3, 'session', newId(), { ...session, date: 'mañana' }, hlc(2)),
      ]),
      token,
    );
    expect(pushed.status).toBe(200);
    expect((pushed.body.results as { status: string }[]).map((r) => r.status)).toEqual([
      'applied',
      'applied',
      'rejected',
    ]);
    // Invalid as a whole: the error names the path, never the value.
    const invalid = await call(
      'POST',
      '/api/v1/sync/push',
      { clientId: SECRETS.notes, serverEpoch: null, mutations: [{ ...session, id: 'x' }] },
      token,
    );
    expect(invalid.status).toBe(400);
    expect((await call('GET', '/api/v1/sync/pull', undefined, token)).status).toBe(200);
    expect((await call('GET', '/api/v1/auth/devices', undefined, token)).status).toBe(200);
    expect((await call('GET', '/api/v1/sync/rejections', undefined, token)).status).toBe(200);
    expect(
      (
        await call(
          'GET',
          '/api/v1/auth/me',
          undefined,
          `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
        )
      ).status,
    ).toBe(401);
    for (const [username, password] of [
      [SECRETS.username, SECRETS.wrongPassword],
      [SECRETS.ghost, SECRETS.wrongPassword],
    ]) {
      const failed = await call('POST', '/api/v1/auth/login', {
        username,
        password,
        deviceLabel: SECRETS.deviceLabel,
      });
      expect(failed.status).toBe(401);
    }
    expect((await call('POST', '/api/v1/auth/logout', undefined, token)).status).toBe(204);
    // The server writes a request's line after answering it: wait until the last one reached the pipe.
    await expect
      .poll(() => server.output(), { timeout: 15_000 })
      .toMatch(/"route":"\/api\/v1\/auth\/logout","status":204/);

    const log = server.output();
    // The log is not empty: one line per request at least, with method, route and status.
    const requestLines = log.split('\n').filter((line) => line.includes('"msg":"request"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(11);
    expect(log).toContain('"route":"/api/v1/sync/push"');

    const forbidden = [
      ...Object.values(SECRETS),
      token,
      createHash('sha256').update(token).digest('hex'),
      ...SECRETS.displayName.split(' '),
      ...SECRETS.facilitator.split(' '),
    ];
    for (const secret of forbidden) {
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), secret.toLowerCase()])) {
        expect(log.toLowerCase().includes(form.toLowerCase()), `the log holds "${form}"`).toBe(false);
      }
    }
  });
});
