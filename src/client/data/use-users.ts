/**
 * Accounts for screens: the names this device knows (users.repository.ts)
 * and, for coordinators, the accounts and their devices on the server
 * (net/users-api.ts; these need the network: `ApiError` code `network` offline).
 */
import * as usersApi from '../net/users-api';
import { officeApi } from './account.repository';
import { getDb } from './current-db';
import { liveRead } from './device-bindings';
import * as users from './users.repository';

export type { DeviceView, UserSummary } from '../../domain';
export type { UserNames } from './users.repository';

/** Names by user id this device knows (its own account always included). */
export const useUserNames = liveRead(users.readUserNames);

/** Coordinators: accounts to put on a team (needs the network); names are kept for offline use. */
export const listTeamCandidates = () => users.listTeamCandidates(getDb());

const api = () => officeApi(getDb());
/** Coordinators: every account they may manage, by name. */
export const listUsers = () => usersApi.listUsers(api());
/** Coordinators: a user's devices, newest first. */
export const listUserDevices = (userId: string) => usersApi.listUserDevices(api(), userId);
/** Coordinators: revokes a device's token. */
export const revokeDevice = (deviceId: string) => usersApi.revokeDevice(api(), deviceId);
