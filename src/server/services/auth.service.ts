/**
 * Login, bearer-token authentication and device management.
 *
 * One token per device: 32 random bytes (base64url) shown once at login,
 * stored only as a SHA-256 hash. Tokens do not expire (a field tablet may
 * stay offline for weeks); they end when revoked by logout or by a
 * coordinator. A wrong password and an unknown username get the same
 * answer after the same amount of work.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  PASSWORD_PROBLEM_TEXT,
  passwordProblem,
  type DeviceView,
  type LoginRequest,
  type LoginResponse,
  type User,
} from '../../domain';
import type { DeviceTokenRow, TokensRepository } from '../repositories/tokens.repository';
import type { RecordsRepository } from '../repositories/records.repository';
import type { UserRow, UsersRepository } from '../repositories/users.repository';
import { Conflict, Forbidden, NotFound, Unauthenticated, ValidationFailed } from './errors';
import type { LoginThrottle } from './login-throttle';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './passwords';
import { mayManageUser } from './authorization-people';
import { scopeOf } from './scope';

export interface AuthContext {
  user: User;
  tokenId: string;
}

// The wire shape lives in the domain, shared with the client.
export { deviceViewSchema, type DeviceView } from '../../domain';

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;
/** last_used_at is a hint for humans; writing it at most once a minute keeps reads cheap. */
const TOUCH_INTERVAL_MS = 60_000;

type Account = Pick<UserRow, 'id' | 'username' | 'displayName' | 'role' | 'directorateIds'>;

export function publicUser(row: Account): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scope: scopeOf(row.role, row.directorateIds),
  };
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface AuthServiceDeps {
  users: UsersRepository;
  tokens: TokensRepository;
  throttle: LoginThrottle;
  /** Team mirrors, for which people a directorate coordinator manages (authorization.ts). */
  records: Pick<RecordsRepository, 'processIdsInDirectorates' | 'memberIdsOfProcesses'>;
}

export function createAuthService({ users, tokens, throttle, records }: AuthServiceDeps) {
  /** A new device token for a user (login and first-run setup). */
  async function issueToken(user: Account, deviceLabel: string): Promise<LoginResponse> {
    const token = randomBytes(32).toString('base64url');
    await tokens.insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashToken(token),
      deviceLabel,
      now: new Date().toISOString(),
    });
    return { token, user: publicUser(user) };
  }

  async function login(input: LoginRequest, ip: string): Promise<LoginResponse> {
    const username = normalizeUsername(input.username);
    // Takes its throttle slot first: parallel guesses, on any instance, see each other.
    const attempt = await throttle.begin(username, ip, input.deviceKey);
    let user: UserRow | undefined;
    let ok: boolean;
    try {
      user = await users.findByUsername(username);
      ok = user
        ? await verifyPassword(user.passwordHash, input.password)
        : await verifyAgainstNothing(input.password);
    } catch (error) {
      await attempt.release();
      throw error;
    }
    if (!user || !ok) {
      await attempt.fail();
      throw new Unauthenticated('Usuario o contraseña incorrectos / wrong username or password');
    }
    const deviceKey = await attempt.succeed();
    if (user.deactivatedAt !== undefined) {
      throw new Forbidden('La cuenta está desactivada / the account is deactivated');
    }
    if (user.mustChangePassword) await replaceOneTimeCode(user, input);
    return { ...(await issueToken(user, input.deviceLabel)), deviceKey };
  }

  /**
   * Signed in with a one-time code from a reset: the same request must carry the new
   * password (`newPassword`), else 409 `password_change_required` and no token.
   */
  async function replaceOneTimeCode(user: UserRow, input: LoginRequest): Promise<void> {
    if (input.newPassword === undefined) {
      throw new Conflict(
        'password_change_required',
        'Elige una contraseña nueva para reemplazar el código de un solo uso / choose a new password',
      );
    }
    const problem =
      input.newPassword === input.password ? 'common' : passwordProblem(input.newPassword, user.username);
    if (problem) {
      const message = PASSWORD_PROBLEM_TEXT[problem];
      throw new ValidationFailed(message, [{ path: 'newPassword', message, passwordProblem: problem }]);
    }
    await users.setPassword(user.id, await hashPassword(input.newPassword), false);
  }

  /** Resolves an Authorization header to its user, or throws Unauthenticated. */
  async function authenticate(authorization: string | undefined): Promise<AuthContext> {
    const match = authorization ? BEARER.exec(authorization) : null;
    if (!match) throw new Unauthenticated();
    const found = await tokens.findActiveByHash(hashToken(match[1]!));
    if (!found) throw new Unauthenticated();
    const now = Date.now();
    if (now - Date.parse(found.token.lastUsedAt) > TOUCH_INTERVAL_MS) {
      await tokens.touch(found.token.id, new Date(now).toISOString());
    }
    return { user: publicUser(found.user), tokenId: found.token.id };
  }

  async function logout(auth: AuthContext): Promise<void> {
    await tokens.revoke(auth.tokenId, new Date().toISOString());
  }

  function view(auth: AuthContext, token: DeviceTokenRow): DeviceView {
    return { ...token, current: token.id === auth.tokenId };
  }

  /** Own devices; admins and coordinators those of the people they manage (authorization.ts). */
  async function listDevices(auth: AuthContext, userId?: string): Promise<DeviceView[]> {
    const target = userId ?? auth.user.id;
    if (target !== auth.user.id) {
      if (!(await users.findById(target))) throw new NotFound('No such user');
      if (!(await mayManageUser({ users, records }, auth.user, target))) {
        throw new Forbidden('Not one of the people you coordinate');
      }
    }
    return (await tokens.listByUser(target)).map((t) => view(auth, t));
  }

  /** Revokes one of the caller's devices, or one of a person they manage. Idempotent. */
  async function revokeDevice(auth: AuthContext, deviceId: string): Promise<DeviceView> {
    const token = await tokens.findById(deviceId);
    if (!token) throw new NotFound('No such device');
    if (!(await mayManageUser({ users, records }, auth.user, token.userId))) {
      throw new Forbidden('Not one of the people you coordinate');
    }
    await tokens.revoke(deviceId, new Date().toISOString());
    return view(auth, (await tokens.findById(deviceId)) ?? token);
  }

  return { login, issueToken, authenticate, logout, listDevices, revokeDevice };
}

export type AuthService = ReturnType<typeof createAuthService>;
