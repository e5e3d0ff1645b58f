/**
 * The names of the people on teams, kept on the device so a team shows by
 * name offline. Names come from the signed-in account and from the accounts
 * a coordinator lists when picking a team (the one read here that needs the
 * network); they are kept across sign-ins (names are not secret to the team).
 */
import type { UserSummary } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { listUsers } from '../net/users-api';
import { officeApi } from './account.repository';
import type { TequioDb } from './db';

/** Not one of the typed meta keys: a plain cache row that nothing else reads. */
const USER_NAMES_KEY = 'userNames';

export type UserNames = Record<string, string>;

/** Names by user id this device knows (its own account always included). */
export async function readUserNames(db: TequioDb): Promise<UserNames> {
  const row = await db.meta.get(USER_NAMES_KEY);
  const cached = (row?.value as UserNames | undefined) ?? {};
  const account = await db.getMeta('account');
  return account ? { ...cached, [account.user.id]: account.user.displayName } : cached;
}

/** Adds these users' names to the device's cache. */
export async function rememberUserNames(
  db: TequioDb,
  users: readonly Pick<UserSummary, 'id' | 'displayName'>[],
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(USER_NAMES_KEY);
    const names = { ...((row?.value as UserNames | undefined) ?? {}) };
    for (const user of users) names[user.id] = user.displayName;
    await db.meta.put({ key: USER_NAMES_KEY, value: names });
  });
}

/** Accounts a coordinator can put on a team (needs the network); their names are remembered. */
export async function listTeamCandidates(
  db: TequioDb,
  api: ApiClient = officeApi(db),
): Promise<UserSummary[]> {
  const users = await listUsers(api);
  await rememberUserNames(db, users);
  return users;
}
