/**
 * The people half of the authorisation model (docs/authorization.md): whose
 * accounts, devices, enrolment codes and rejected changes a user may list and
 * manage, and which changes to an account they may make. Record writes are
 * judged in authorization.ts.
 */
import type { Role, User } from '../../domain';

/** A person's account as the people listings need it. */
export interface Person {
  id: string;
  role: Role;
  /** The directorates a field user works in (a coordinator's limit for coordinators). */
  directorateIds?: string[] | undefined;
}

const FIELD_ROLES: readonly Role[] = ['facilitator', 'promoter'];
export const isFieldRole = (role: Role) => FIELD_ROLES.includes(role);

/** The roles `viewer` may give an account: any for admins, field roles for coordinators. */
export function mayGiveRole(viewer: Pick<User, 'role'> | 'system', role: Role): boolean {
  if (viewer === 'system' || viewer.role === 'admin') return true;
  return viewer.role === 'coordinator' && isFieldRole(role);
}

/**
 * Whether `viewer` may see and manage `target`'s account, devices, enrolment
 * codes and rejected changes: themselves; admins anyone; borough-wide
 * coordinators the field roles; directorate coordinators the field users who
 * work in one of their directorates or are on a team of one of their
 * processes (`teamOfTheirs`).
 */
export function canManageUser(viewer: User, target: Person, teamOfTheirs: ReadonlySet<string>): boolean {
  if (viewer.id === target.id || viewer.role === 'admin') return true;
  if (viewer.role !== 'coordinator') return false;
  if (!isFieldRole(target.role)) return false;
  if (viewer.scope.kind === 'borough') return true;
  const theirs = new Set(viewer.scope.directorates ?? []);
  return teamOfTheirs.has(target.id) || (target.directorateIds ?? []).some((d) => theirs.has(d));
}

/**
 * Why `viewer` may not change the account `before` into `after`, or null
 * when they may. They must manage it before and after (so nothing is moved
 * out of their reach or raised above it); no one changes their own role,
 * directorates or deactivates themselves; a directorate coordinator adds or
 * removes only their own directorates.
 */
export function accountChangeRefusal(
  viewer: User,
  before: Person & { active: boolean },
  after: Person & { active: boolean },
  teamOfTheirs: ReadonlySet<string>,
): string | null {
  if (!canManageUser(viewer, before, teamOfTheirs)) return 'Not one of the people you manage';
  const sameList = (a?: string[], b?: string[]) =>
    [...(a ?? [])].sort().join(',') === [...(b ?? [])].sort().join(',');
  if (viewer.id === before.id) {
    if (after.role !== before.role) return 'No one changes their own role';
    if (!after.active) return 'No one deactivates their own account';
    if (!sameList(after.directorateIds, before.directorateIds))
      return 'No one changes their own directorates';
    return null;
  }
  if (after.role !== before.role && !mayGiveRole(viewer, after.role)) {
    return `Not allowed to give the role ${after.role}`;
  }
  if (after.role === 'admin' && (after.directorateIds?.length ?? 0) > 0) {
    return 'An administrator is not limited to directorates';
  }
  if (viewer.role === 'coordinator' && viewer.scope.kind === 'directorates') {
    const theirs = new Set(viewer.scope.directorates ?? []);
    const old = new Set(before.directorateIds ?? []);
    const now = new Set(after.directorateIds ?? []);
    const changed = [...old].filter((d) => !now.has(d)).concat([...now].filter((d) => !old.has(d)));
    if (changed.some((d) => !theirs.has(d))) return 'Only your own directorates can be added or removed';
  }
  if (!canManageUser(viewer, after, teamOfTheirs))
    return 'The change would put the account out of your reach';
  return null;
}

type PeopleRepos = {
  users: { list(): Promise<Person[]>; findById(id: string): Promise<Person | undefined> };
  records: {
    processIdsInDirectorates(directorateIds: string[]): Promise<string[]>;
    memberIdsOfProcesses(processIds: string[]): Promise<string[]>;
  };
};

/** The field users on a team of a directorate coordinator's processes (empty for everyone else). */
export async function teamOfTheirs(repos: PeopleRepos, viewer: User): Promise<ReadonlySet<string>> {
  if (viewer.role !== 'coordinator' || viewer.scope.kind !== 'directorates') return new Set();
  const processIds = await repos.records.processIdsInDirectorates(viewer.scope.directorates ?? []);
  return new Set(await repos.records.memberIdsOfProcesses(processIds));
}

/** Whether `viewer` may manage the account `targetId` (false for an unknown account). */
export async function mayManageUser(repos: PeopleRepos, viewer: User, targetId: string): Promise<boolean> {
  if (targetId === viewer.id) return true;
  const target = await repos.users.findById(targetId);
  return target !== undefined && canManageUser(viewer, target, await teamOfTheirs(repos, viewer));
}

/** The accounts `viewer` may manage: every one for admins, else the list. */
export async function managedUserIds(repos: PeopleRepos, viewer: User): Promise<string[] | 'all'> {
  if (viewer.role === 'admin') return 'all';
  const theirs = await teamOfTheirs(repos, viewer);
  return (await repos.users.list()).filter((u) => canManageUser(viewer, u, theirs)).map((u) => u.id);
}
