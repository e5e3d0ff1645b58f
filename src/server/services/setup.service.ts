/**
 * First run: while no account exists, a one-time setup code (printed on the
 * server console) lets whoever can read that console create the first admin
 * from the browser. The code is kept in the database (`meta.setup_code`), so
 * every instance behind a proxy prints and accepts the same one. The code is single use; wrong
 * codes count toward the login rate limit of the caller's IP. Once any user
 * exists, setup is closed for good.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { labelTextSchema, type LoginResponse } from '../../domain';
import type { AuthService } from './auth.service';
import { Conflict, Forbidden } from './errors';
import type { LoginThrottle } from './login-throttle';
import type { MetaRepository } from '../repositories/meta.repository';
import { passwordSchema, usernameSchema, type UsersService } from './users.service';

export const setupRequestSchema = z.object({
  code: z.string().min(1).max(32),
  username: usernameSchema,
  displayName: labelTextSchema(200),
  password: passwordSchema,
  deviceLabel: labelTextSchema(200),
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

// No 0/O, 1/I/L: the code is read off a console and typed by hand.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(normalizeCode(a));
  const y = Buffer.from(normalizeCode(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

const SETUP_CODE = 'setup_code';

const alreadySetUp = () => new Conflict('already_set_up', 'The server already has users; sign in instead');

export interface SetupServiceDeps {
  usersService: UsersService;
  auth: AuthService;
  throttle: LoginThrottle;
  meta: MetaRepository;
}

export function createSetupService({ usersService, auth, throttle, meta }: SetupServiceDeps) {
  /** The code this instance last read, for its console. */
  let code: string | null = null;

  return {
    /** Makes (or reads) the setup code if the server has no users yet; returns it (or null). Call at start. */
    async prepare(): Promise<string | null> {
      await throttle.prepare();
      if ((await usersService.count()) > 0) {
        await meta.remove(SETUP_CODE);
        code = null;
      } else {
        await meta.insertIfAbsent(SETUP_CODE, newCode());
        code = (await meta.get(SETUP_CODE)) ?? null;
      }
      return code;
    },

    /** The pending code, for the console (and tests). */
    currentCode: () => code,

    async status(): Promise<{ needsSetup: boolean }> {
      return { needsSetup: (await usersService.count()) === 0 };
    },

    async complete(input: SetupRequest, ip: string): Promise<LoginResponse> {
      // Takes its throttle slot first: parallel guesses, on any instance, see each other.
      const attempt = await throttle.begin(null, ip);
      let pending: string;
      try {
        if ((await usersService.count()) > 0) throw alreadySetUp();
        const stored = await meta.get(SETUP_CODE);
        if (stored === undefined) throw alreadySetUp();
        pending = stored;
      } catch (error) {
        await attempt.release();
        throw error;
      }
      if (!sameCode(input.code, pending)) {
        await attempt.fail();
        throw new Forbidden('Wrong setup code');
      }
      await attempt.succeed();
      // Consumed in one statement: of two requests with the code, on any instances, one wins.
      if (!(await meta.take(SETUP_CODE, pending))) throw alreadySetUp();
      code = null;
      try {
        const user = await usersService.createUser(
          {
            username: input.username,
            displayName: input.displayName,
            role: 'admin',
            password: input.password,
          },
          'system',
        );
        const session = await auth.issueToken(user, input.deviceLabel);
        return { ...session, deviceKey: await throttle.issueDeviceKey(user.username) };
      } catch (error) {
        if ((await usersService.count()) === 0) {
          await meta.insertIfAbsent(SETUP_CODE, pending);
          code = pending;
        }
        throw error;
      }
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
