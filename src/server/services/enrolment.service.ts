/**
 * Device enrolment: a coordinator issues a one-time code for a person they
 * manage; a tablet redeems it (typed, or read from its QR code) for its own
 * device token, with no password typed. Codes are 8 characters of an
 * unambiguous alphabet (about 40 bits), live ENROLMENT_CODE_TTL_MS, work
 * once, can be revoked, and are stored only as their SHA-256 — a fast hash
 * is enough for a random code that short-lived, while wrong codes count
 * towards the caller's address limit of the login throttle.
 */
import { createHash, randomInt, randomUUID } from 'node:crypto';
import {
  CODE_ALPHABET,
  ENROLMENT_CODE_LENGTH,
  ENROLMENT_CODE_TTL_MS,
  formatEnrolmentCode,
  normalizeEnrolmentCode,
  type EnrolmentView,
  type IssuedEnrolment,
  type LoginResponse,
  type User,
} from '../../domain';
import { isUniqueViolation } from '../db/database';
import type { EnrolmentRepository, EnrolmentRow } from '../repositories/enrolment.repository';
import type { RecordsRepository } from '../repositories/records.repository';
import type { UsersRepository } from '../repositories/users.repository';
import type { AuthService } from './auth.service';
import { managedUserIds, mayManageUser } from './authorization-people';
import { Forbidden, NotFound, Unauthenticated } from './errors';
import type { LoginThrottle } from './login-throttle';

/** Codes are listed for a week after they were issued. */
const LIST_DAYS = 7;

export interface EnrolmentServiceDeps {
  users: UsersRepository;
  enrolment: EnrolmentRepository;
  records: Pick<RecordsRepository, 'processIdsInDirectorates' | 'memberIdsOfProcesses'>;
  auth: Pick<AuthService, 'issueToken'>;
  throttle: LoginThrottle;
  now?: () => number;
}

const hashCode = (code: string) => createHash('sha256').update(normalizeEnrolmentCode(code)).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatEnrolmentCode(code);
}

export function createEnrolmentService(deps: EnrolmentServiceDeps) {
  const { users, enrolment, records, auth, throttle } = deps;
  const now = deps.now ?? (() => Date.now());
  const repos = { users, records };

  async function view(row: EnrolmentRow): Promise<EnrolmentView> {
    const user = await users.findById(row.userId);
    const state = row.usedAt
      ? 'used'
      : row.revokedAt
        ? 'revoked'
        : Date.parse(row.expiresAt) <= now()
          ? 'expired'
          : 'active';
    return { ...row, userDisplayName: user?.displayName ?? '', state };
  }

  /** A new code for `userId` (someone `issuer` manages, active); the code is returned once. */
  async function issue(issuer: User, userId: string): Promise<IssuedEnrolment> {
    const target = await users.findById(userId);
    if (!target || !(await mayManageUser(repos, issuer, userId))) {
      throw new NotFound('No such account among the people you manage');
    }
    if (target.deactivatedAt !== undefined) throw new Forbidden('The account is deactivated');
    const issuedAt = now();
    const row: EnrolmentRow = {
      id: randomUUID(),
      userId,
      createdBy: issuer.id,
      createdAt: new Date(issuedAt).toISOString(),
      expiresAt: new Date(issuedAt + ENROLMENT_CODE_TTL_MS).toISOString(),
      usedAt: null,
      revokedAt: null,
    };
    // Hashes are unique: a code drawn twice (one in about 10¹², ever) is drawn again.
    for (let attempt = 1; ; attempt++) {
      const code = newCode();
      try {
        await enrolment.insert({ ...row, codeHash: hashCode(code) });
        return { code, enrolment: await view(row) };
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  /** This week's codes for the people `viewer` manages, newest first. */
  async function list(viewer: User): Promise<EnrolmentView[]> {
    const since = new Date(now() - LIST_DAYS * 86_400_000).toISOString();
    const rows = await enrolment.listSince(since, await managedUserIds(repos, viewer));
    return Promise.all(rows.map(view));
  }

  /** Revokes an unused code; idempotent. */
  async function revoke(viewer: User, id: string): Promise<EnrolmentView> {
    const row = await enrolment.findById(id);
    if (!row || !(await mayManageUser(repos, viewer, row.userId))) throw new NotFound('No such code');
    await enrolment.revoke(id, new Date(now()).toISOString());
    return view((await enrolment.findById(id)) ?? row);
  }

  /**
   * A tablet's code for its own device token. Takes its throttle slot before the first
   * await; an unknown, used, revoked or expired code is one failure for the caller's address
   * and the same 401 whatever the reason.
   */
  async function redeem(input: { code: string; deviceLabel: string }, ip: string): Promise<LoginResponse> {
    const attempt = await throttle.begin(null, ip);
    let user: Awaited<ReturnType<UsersRepository['findById']>>;
    try {
      const row = await enrolment.consume(hashCode(input.code), new Date(now()).toISOString());
      user = row && (await users.findById(row.userId));
    } catch (error) {
      await attempt.release();
      throw error;
    }
    if (!user || user.deactivatedAt !== undefined) {
      await attempt.fail();
      throw new Unauthenticated(
        'El código no sirve: revisa que esté bien escrito o pide uno nuevo / invalid code',
      );
    }
    await attempt.succeed();
    const session = await auth.issueToken(user, input.deviceLabel);
    return { ...session, deviceKey: await throttle.issueDeviceKey(user.username) };
  }

  return { issue, list, revoke, redeem };
}

export type EnrolmentService = ReturnType<typeof createEnrolmentService>;
