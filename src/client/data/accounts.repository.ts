/**
 * The office's accounts and enrolment codes. These live on the server, not
 * on the device: every call needs the network and fails with `ApiError`
 * code `network` offline (the screens say so and offer to retry). The names
 * of the accounts listed are kept on the device (users.repository.ts), so
 * teams show by name offline.
 */
import type { Account, CreateAccountRequest, EnrolmentView, UpdateAccountRequest, User } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { officeApi } from './account.repository';
import type { TequioDb } from './db';
import { rememberUserNames } from './users.repository';

/** The accounts the signed-in coordinator manages, by name; their names are remembered. */
export async function listAccounts(db: TequioDb, client: ApiClient = officeApi(db)): Promise<Account[]> {
  const { accounts } = await client.listAccounts();
  await rememberUserNames(db, accounts);
  return [...accounts].sort((a, b) => a.displayName.localeCompare(b.displayName, 'es'));
}

/** Creates an account (the server applies the role and scope rules and the password rules again). */
export async function createAccount(
  db: TequioDb,
  input: CreateAccountRequest,
  client: ApiClient = officeApi(db),
): Promise<User> {
  const user = await client.createUser(input);
  await rememberUserNames(db, [user]);
  return user;
}

/** Changes what `patch` names; `active: false` signs every device of the account out at once. */
export async function updateAccount(
  db: TequioDb,
  id: string,
  patch: UpdateAccountRequest,
  client: ApiClient = officeApi(db),
): Promise<Account> {
  const account = await client.updateAccount(id, patch);
  await rememberUserNames(db, [account]);
  return account;
}

/** This week's enrolment codes, newest first. */
export async function listEnrolmentCodes(
  db: TequioDb,
  client: ApiClient = officeApi(db),
): Promise<EnrolmentView[]> {
  return (await client.listEnrolmentCodes()).codes;
}
