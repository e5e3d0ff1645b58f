/**
 * The people half of the authorisation model (docs/authorization.md): whose
 * devices and rejected changes a user may list and manage. Record writes are
 * judged in authorization.ts.
 */
import type { Role, User } from '../../domain';

/** A person's account as the people listings need it. */
export interface Person {
  id: string;
  role: Role;
}

/**
 * Whether `viewer` may see and manage `target`'s devices and rejected changes:
 * themselves; admins anyone; borough-wide coordinators the field roles;
 * directorate coordinators the field users on a team of one of their processes
 * (`teamOfTheirs`).
 */
export function canManageUser(viewer: User, target: Person, teamOfTheirs: ReadonlySet<string>): boolean {
  if (viewer.id === target.id || viewer.role === 'admin') return true;
  if (viewer.role !== 'coordinator') return false;
  if (target.role !== 'facilitator' && target.role !== 'promoter') return false;
  return viewer.scope.kind === 'borough' || teamOfTheirs.has(target.id);
}

type PeopleRepos = {
  users: { list(): Promise<Person[]>; findById(id: string): Promise<Person | undefined> };
  records: {
    processIdsInDirectorates(directorateIds: string[]): Promise<string[]>;
    memberIdsOfProcesses(processIds: string[]): Promise<string[]>;
  };
};

async function teamOfTheirs(repos: PeopleRepos, viewer: User): Promise<ReadonlySet<string>> {
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
