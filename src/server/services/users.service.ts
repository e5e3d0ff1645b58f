/**
 * Accounts: creation with the role rules (admins create any role,
 * coordinators only field roles, in their own directorates) and listing.
 * Used by the HTTP routes, the first-run setup and the CLI, so the same
 * validation applies everywhere (domain/accounts.ts).
 */
import { randomUUID } from 'node:crypto';
import {
  createAccountRequestSchema,
  type CreateAccountRequest,
  type Role,
  type User,
  type UserSummary,
} from '../../domain';
import { isUniqueViolation } from '../db/database';
import type { UsersRepository } from '../repositories/users.repository';
import { publicUser } from './auth.service';
import { isFieldRole, mayGiveRole } from './authorization-people';
import { Conflict, Forbidden } from './errors';
import { hashPassword } from './passwords';

export { passwordSchema, usernameSchema } from '../../domain';
export const createUserRequestSchema = createAccountRequestSchema;
export type CreateUserRequest = CreateAccountRequest;

// The wire shape lives in the domain, shared with the client.
export { userSummarySchema, type UserSummary } from '../../domain';

/** Who is creating: a signed-in user, or the system (setup, CLI) which may create any role. */
export type Creator = Pick<User, 'id' | 'role' | 'scope'> | 'system';

export function canCreate(creator: Creator, role: Role): boolean {
  return mayGiveRole(creator, role);
}

/**
 * The directorates the new account gets: a directorate coordinator's field
 * users work in the coordinator's directorates (all of them unless a few are
 * named), so the account stays in their care; others keep what was asked.
 */
function directoratesFor(input: CreateUserRequest, creator: Creator): string[] | undefined {
  if (creator === 'system' || creator.role !== 'coordinator' || creator.scope.kind !== 'directorates') {
    return input.directorateIds ? [...new Set(input.directorateIds)] : undefined;
  }
  const theirs = creator.scope.directorates ?? [];
  if (!input.directorateIds) return [...theirs];
  const outside = input.directorateIds.filter((d) => !theirs.includes(d));
  if (outside.length > 0) throw new Forbidden('Only your own directorates can be given');
  return [...new Set(input.directorateIds)];
}

export function createUsersService({ users }: { users: UsersRepository }) {
  async function createUser(input: CreateUserRequest, creator: Creator): Promise<User> {
    if (!canCreate(creator, input.role))
      throw new Forbidden(`Not allowed to create a user with role ${input.role}`);
    const directorateIds = directoratesFor(input, creator);
    const row = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
      ...(directorateIds?.length ? { directorateIds } : {}),
    };
    try {
      await users.insert(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new Conflict(
          'username_taken',
          `El usuario ya existe / username already exists: ${input.username}`,
        );
      }
      throw error;
    }
    return publicUser(row);
  }

  /**
   * Admins and borough-wide coordinators see every account; a coordinator
   * limited to directorates sees the field accounts (whom they may put on a
   * team) and their own; others only their own (docs/authorization.md).
   */
  async function listUsers(viewer: User): Promise<UserSummary[]> {
    const summary = (u: { id: string; username: string; displayName: string; role: Role }): UserSummary => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
    });
    if (viewer.role === 'admin' || (viewer.role === 'coordinator' && viewer.scope.kind === 'borough')) {
      return (await users.list()).map(summary);
    }
    if (viewer.role === 'coordinator') {
      return (await users.list()).filter((u) => u.id === viewer.id || isFieldRole(u.role)).map(summary);
    }
    return [summary(viewer)];
  }

  return { createUser, listUsers, count: () => users.count() };
}

export type UsersService = ReturnType<typeof createUsersService>;
