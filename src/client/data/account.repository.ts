/**
 * The signed-in account lives in the device's database, so the app opens
 * and works offline after the first login. Signing out forgets the token
 * but keeps every record and every unsynced change on the device: they sync
 * the next time someone signs in.
 *
 * Each login also returns a device key for that username, kept here across
 * sign-outs and sent with that username's later logins: the server lets a
 * known device sign in while strangers guessing the password are slowed down.
 */
import { createApiClient, type ApiClient } from '../net/api-client';
import { USERS_TIMEOUT_MS } from '../net/users-api';
import type { Account, TequioDb } from './db';

/** Device keys by username (as the server normalises it); outside `account`, which sign-out clears. */
const DEVICE_KEYS_KEY = 'account.deviceKeys';
/** A shared tablet keeps keys for this many people, the most recent sign-ins. */
const MAX_DEVICE_KEYS = 20;

const keyName = (username: string) => username.trim().toLowerCase();

async function deviceKeys(db: TequioDb): Promise<Record<string, string>> {
  const value: unknown = (await db.meta.get(DEVICE_KEYS_KEY))?.value;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

async function keepDeviceKey(db: TequioDb, username: string, deviceKey: string | undefined) {
  if (!deviceKey) return;
  const name = keyName(username);
  const others = Object.entries(await deviceKeys(db)).filter(([n]) => n !== name);
  await db.meta.put({
    key: DEVICE_KEYS_KEY,
    value: Object.fromEntries([...others.slice(-(MAX_DEVICE_KEYS - 1)), [name, deviceKey]]),
  });
}

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

/** The signed-in account; null when signed out. */
export async function readAccount(db: TequioDb): Promise<Account | null> {
  return (await db.getMeta('account')) ?? null;
}

/** Reads the signed-in account's token when a request goes out (none when signed out). */
export function accountToken(db: TequioDb): () => Promise<string | undefined> {
  return async () => (await db.getMeta('account'))?.token;
}

/** The API client of the signed-in account (net/api-client.ts). */
export function accountApi(db: TequioDb, baseUrl = '', timeoutMs = 30_000): ApiClient {
  return createApiClient({ baseUrl, timeoutMs, getToken: accountToken(db) });
}

/** The client for the office's calls on the server (accounts, devices, the review queue). */
export function officeApi(db: TequioDb): ApiClient {
  return accountApi(db, '', USERS_TIMEOUT_MS);
}

/**
 * Signs in with a password. After a reset the password is a one-time code: the server then
 * answers `password_change_required` until the same sign-in carries `newPassword`.
 */
export async function signIn(
  db: TequioDb,
  input: { username: string; password: string; newPassword?: string | undefined },
  api: ApiClient = accountApi(db),
): Promise<void> {
  const deviceKey = (await deviceKeys(db))[keyName(input.username)];
  const {
    token,
    user,
    deviceKey: next,
  } = await api.login({
    username: input.username,
    password: input.password,
    ...(input.newPassword ? { newPassword: input.newPassword } : {}),
    deviceLabel: deviceLabel(),
    ...(deviceKey ? { deviceKey } : {}),
  });
  await keepDeviceKey(db, user.username, next);
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
  const { token, user, deviceKey } = await api.setup({ ...input, deviceLabel: deviceLabel() });
  await keepDeviceKey(db, user.username, deviceKey);
  await db.setMeta('account', { token, user });
}

/**
 * Puts this device into service with a one-time enrolment code (typed or read from its QR
 * code): the device gets its own token and no password is typed. Needs the network once.
 */
export async function enrolDevice(
  db: TequioDb,
  code: string,
  api: ApiClient = accountApi(db),
): Promise<void> {
  const { token, user, deviceKey } = await api.enrol({ code, deviceLabel: deviceLabel() });
  await keepDeviceKey(db, user.username, deviceKey);
  await db.setMeta('account', { token, user });
}
