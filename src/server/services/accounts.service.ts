/**
 * The office's account management: list the accounts one may manage, edit
 * role, display name and directorates, deactivate (every device token and
 * unused enrolment code revoked at once; the account and everything it wrote
 * are kept) and reset a password to a one-time code that its owner replaces
 * at the next sign-in. Who may do what is decided in authorization-people.ts.
 */
import { randomInt } from 'node:crypto';
import {
  CODE_ALPHABET,
  type Account,
  type PasswordReset,
  type UpdateAccountRequest,
  type User,
} from '../../domain';
import type { EnrolmentRepository } from '../repositories/enrolment.repository';
import type { RecordsRepository } from '../repositories/records.repository';
import type { TokensRepository } from '../repositories/tokens.repository';
import type { UserPatch, UserRow, UsersRepository } from '../repositories/users.repository';
import { accountChangeRefusal, canManageUser, teamOfTheirs } from './authorization-people';
import { Forbidden, NotFound } from './errors';
import { hashPassword } from './passwords';

export interface AccountsServiceDeps {
  users: UsersRepository;
  tokens: TokensRepository;
  enrolment: EnrolmentRepository;
  records: Pick<RecordsRepository, 'processIdsInDirectorates' | 'memberIdsOfProcesses'>;
}

export function accountView(row: UserRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    directorateIds: row.directorateIds ?? [],
    active: row.deactivatedAt === undefined,
    mustChangePassword: row.mustChangePassword === true,
    createdAt: row.createdAt,
    deactivatedAt: row.deactivatedAt ?? null,
  };
}

/** Twelve characters of the enrolment alphabet in groups of four: read off a screen, typed once. */
function oneTimeCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

export function createAccountsService({ users, tokens, enrolment, records }: AccountsServiceDeps) {
  const repos = { users, records };

  /** The account `id` when `viewer` may manage it; NotFound otherwise too (no probing of who exists). */
  async function managed(viewer: User, id: string): Promise<UserRow> {
    const row = await users.findById(id);
    if (!row || !canManageUser(viewer, row, await teamOfTheirs(repos, viewer))) {
      throw new NotFound('No such account among the people you manage');
    }
    return row;
  }

  /** Every account `viewer` manages (their own included), by display name. */
  async function listAccounts(viewer: User): Promise<Account[]> {
    const team = await teamOfTheirs(repos, viewer);
    return (await users.list())
      .filter((u) => canManageUser(viewer, u, team))
      .map(accountView)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'es'));
  }

  async function updateAccount(viewer: User, id: string, input: UpdateAccountRequest): Promise<Account> {
    const before = await managed(viewer, id);
    const after = {
      id,
      role: input.role ?? before.role,
      directorateIds: input.directorateIds ?? before.directorateIds ?? [],
      active: input.active ?? before.deactivatedAt === undefined,
    };
    const refusal = accountChangeRefusal(
      viewer,
      { ...before, active: before.deactivatedAt === undefined },
      after,
      await teamOfTheirs(repos, viewer),
    );
    if (refusal) throw new Forbidden(refusal);
    const now = new Date().toISOString();
    const patch: UserPatch = {};
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.role !== undefined) patch.role = input.role;
    if (input.directorateIds !== undefined) patch.directorateIds = input.directorateIds;
    const deactivating = input.active === false && before.deactivatedAt === undefined;
    if (deactivating) patch.deactivatedAt = now;
    if (input.active === true && before.deactivatedAt !== undefined) patch.deactivatedAt = null;
    if (Object.keys(patch).length > 0) await users.update(id, patch);
    if (deactivating) {
      // At once: the account's devices stop syncing with the next request.
      await tokens.revokeAllOfUser(id, now);
      await enrolment.revokeAllOfUser(id, now);
    }
    return accountView((await users.findById(id)) ?? before);
  }

  /**
   * Replaces the password with a one-time code (shown once to whoever reset it) and signs
   * out every device of the account: the old password may be known to someone else.
   */
  async function resetPassword(viewer: User, id: string): Promise<PasswordReset> {
    const row = await managed(viewer, id);
    if (row.id === viewer.id) throw new Forbidden('Change your own password by signing in, not by a reset');
    if (row.deactivatedAt !== undefined) throw new Forbidden('The account is deactivated');
    const code = oneTimeCode();
    await users.setPassword(id, await hashPassword(code), true);
    await tokens.revokeAllOfUser(id, new Date().toISOString());
    return { oneTimeCode: code };
  }

  return { listAccounts, updateAccount, resetPassword };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
