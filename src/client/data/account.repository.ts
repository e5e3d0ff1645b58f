/**
 * The signed-in account lives in the device's database, so the app opens
 * and works offline after the first login. Signing out forgets the token
 * but keeps every record and every unsynced change on the device: they sync
 * the next time someone signs in.
 */
import { createApiClient, type ApiClient } from '../net/api-client';
import type { TequioDb } from './db';

function deviceLabel(): string {
  const ua = typeof navigator !== 'undefined' ? navigator.userAgent : 'node';
  const kind = /Android/i.test(ua)
    ? 'Android'
    : /iPad|iPhone/i.test(ua)
      ? 'iOS'
      : /Windows/i.test(ua)
        ? 'Windows'
        : /Mac/i.test(ua)
          ? 'Mac'
          : /Linux/i.test(ua)
            ? 'Linux'
            : 'Dispositivo';
  return `${kind} · ${new Date().toISOString().slice(0, 10)}`;
}

export function accountApi(db: TequioDb, baseUrl = '', timeoutMs = 30_000): ApiClient {
  return createApiClient({ baseUrl, timeoutMs, getToken: async () => (await db.getMeta('account'))?.token });
}

export async function signIn(
  db: TequioDb,
  input: { username: string; password: string },
  api: ApiClient = accountApi(db),
): Promise<void> {
  const { token, user } = await api.login({ ...input, deviceLabel: deviceLabel() });
  await db.setMeta('account', { token, user });
}

/** Signing out never waits long for the network: revoking the token is best effort. */
export async function signOut(db: TequioDb, api: ApiClient = accountApi(db, '', 5_000)): Promise<void> {
  try {
    await api.logout();
  } catch {
    // Offline or already revoked: the token is forgotten on the device either way.
  }
  await db.setMeta('account', null);
}

export async function completeSetup(
  db: TequioDb,
  input: { code: string; username: string; displayName: string; password: string },
  api: ApiClient = accountApi(db),
): Promise<void> {
  const { token, user } = await api.setup({ ...input, deviceLabel: deviceLabel() });
  await db.setMeta('account', { token, user });
}
