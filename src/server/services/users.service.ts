/**
 * Accounts: creation with the role rules (admins create any role,
 * coordinators only field roles) and listing. Used by the HTTP routes, the
 * first-run setup and the CLI, so the same validation applies everywhere.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { labelTextSchema, roleSchema, type Role, type User, type UserSummary } from '../../domain';
import { isUniqueViolation } from '../db/database';
import type { UsersRepository } from '../repositories/users.repository';
import { normalizeUsername, publicUser } from './auth.service';
import { Conflict, Forbidden } from './errors';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords';

export const usernameSchema = z
  .string()
  .transform(normalizeUsername)
  .pipe(
    z
      .string()
      .min(3)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'use letters, digits and . _ @ - only'),
  );

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1000);

export const createUserRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: labelTextSchema(200),
    role: roleSchema,
    password: passwordSchema,
    /** Limits a coordinator to these territorial directorates (directorate record ids); absent = whole borough. */
    directorateIds: z.array(z.uuid()).min(1).max(99).optional(),
  })
  .refine((u) => u.directorateIds === undefined || u.role === 'coordinator', {
    path: ['directorateIds'],
    message: 'only coordinators can be limited to directorates',
  });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

// The wire shape lives in the domain, shared with the client.
export { userSummarySchema, type UserSummary } from '../../domain';

/** Who is creating: a signed-in user, or the system (setup, CLI) which may create any role. */
export type Creator = { role: Role } | 'system';

const FIELD_ROLES: Role[] = ['facilitator', 'promoter'];

export function canCreate(creator: Creator, role: Role): boolean {
  if (creator === 'system' || creator.role === 'admin') return true;
  return creator.role === 'coordinator' && FIELD_ROLES.includes(role);
}

export function createUsersService({ users }: { users: UsersRepository }) {
  async function createUser(input: CreateUserRequest, creator: Creator): Promise<User> {
    if (!canCreate(creator, input.role))
      throw new Forbidden(`Not allowed to create a user with role ${input.role}`);
    const row = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      createdAt: new Date().toISOString(),
      ...(input.directorateIds ? { directorateIds: [...new Set(input.directorateIds)] } : {}),
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
      return (await users.list())
        .filter((u) => u.id === viewer.id || FIELD_ROLES.includes(u.role))
        .map(summary);
    }
    return [summary(viewer)];
  }

  return { createUser, listUsers, count: () => users.count() };
}

export type UsersService = ReturnType<typeof createUsersService>;
