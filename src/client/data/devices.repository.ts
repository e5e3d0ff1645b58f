/**
 * Accounts and their devices, for coordinators: who may sync, and revoking a
 * lost or handed-over tablet. Unlike the rest of the data API these read the
 * server, not the device, so they fail with `ApiError` code `network`
 * offline; nothing here is kept on the device. A revoked tablet keeps every
 * unsynced change and sends it after someone signs in on it again.
 */
import type { DeviceView, UserSummary } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { accountApi } from './account.repository';
import type { TequioDb } from './db';

const TIMEOUT_MS = 15_000;

/** Every account the signed-in coordinator may manage, by name. */
export async function listUsers(
  db: TequioDb,
  api: ApiClient = accountApi(db, '', TIMEOUT_MS),
): Promise<UserSummary[]> {
  const { users } = await api.listUsers();
  return [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'es'));
}

/** A user's devices, newest first: live ones can be revoked. */
export async function listUserDevices(
  db: TequioDb,
  userId: string,
  api: ApiClient = accountApi(db, '', TIMEOUT_MS),
): Promise<DeviceView[]> {
  const { devices } = await api.listDevices(userId);
  return [...devices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Revokes a device's token: it can no longer sync until someone signs in on it again. Idempotent. */
export async function revokeDevice(
  db: TequioDb,
  deviceId: string,
  api: ApiClient = accountApi(db, '', TIMEOUT_MS),
): Promise<DeviceView> {
  return api.revokeDevice(deviceId);
}
