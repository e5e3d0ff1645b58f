/**
 * Accounts and their devices, for coordinators: who may sync, and revoking a
 * lost or handed-over tablet. These read the server, not the device, so they
 * fail with `ApiError` code `network` offline. A revoked tablet keeps every
 * unsynced change and sends it after someone signs in on it again.
 */
import type { DeviceView, UserSummary } from '../../domain';
import type { ApiClient } from './api-client';

/** How long a coordinator waits for these answers before being told the server is out of reach. */
export const USERS_TIMEOUT_MS = 15_000;

/** Every account the signed-in coordinator may manage, by name. */
export async function listUsers(api: ApiClient): Promise<UserSummary[]> {
  const { users } = await api.listUsers();
  return [...users].sort((a, b) => a.displayName.localeCompare(b.displayName, 'es'));
}

/** A user's devices, newest first: live ones can be revoked. */
export async function listUserDevices(api: ApiClient, userId: string): Promise<DeviceView[]> {
  const { devices } = await api.listDevices(userId);
  return [...devices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Revokes a device's token: it can no longer sync until someone signs in on it again. Idempotent. */
export function revokeDevice(api: ApiClient, deviceId: string): Promise<DeviceView> {
  return api.revokeDevice(deviceId);
}
