/**
 * What each user holds (read scope). Admins and coordinators hold the whole
 * borough, unless a coordinator is limited to some territorial directorates:
 * then they hold the processes whose unitKeys include a unit assigned to
 * one of them (mirrored in unit_directorates / process_units). Facilitators
 * and promoters hold the processes whose teamUserIds list them (mirrored
 * in process_members). Reference entities reach everyone. Who may write what
 * within that is decided in authorization.ts.
 */
import { createHash } from 'node:crypto';
import { ENTITY_NAMES, getEntity, type Role, type Scope, type User } from '../../domain';
import type { RecordFilter, RecordsRepository } from '../repositories/records.repository';

export function scopeOf(role: Role, directorateIds?: string[]): Scope {
  if (role === 'coordinator' && directorateIds && directorateIds.length > 0) {
    return { kind: 'directorates', directorates: [...directorateIds].sort() };
  }
  return role === 'admin' || role === 'coordinator' ? { kind: 'borough' } : { kind: 'processes' };
}

export const REFERENCE_ENTITIES: string[] = ENTITY_NAMES.filter((name) => getEntity(name).reference);

export interface ReadScope {
  filter: RecordFilter;
  /**
   * Changes whenever what the user may see changes (e.g. a newly assigned
   * process, or a unit moved into or out of a coordinator's directorate).
   * Stored in the pull cursor: a cursor with another fingerprint restarts
   * from seq 0 so the newly visible history is sent.
   */
  fingerprint: string;
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

/**
 * `processIds`: the processes visible to a non-borough user (memberships, or
 * the processes of their directorates). `directorates` marks the directorate
 * kind, whose fingerprint is kept apart from the membership one.
 */
export function readScope(role: Role, processIds: string[], directorates?: string[]): ReadScope {
  if (role === 'admin' || (role === 'coordinator' && !directorates?.length)) {
    return { filter: { all: true }, fingerprint: 'borough' };
  }
  const sorted = [...processIds].sort();
  const filter: RecordFilter = { all: false, referenceEntities: REFERENCE_ENTITIES, processIds: sorted };
  if (directorates?.length) {
    const dirs = [...directorates].sort();
    return { filter, fingerprint: `d:${digest({ dirs, processes: sorted, reference: REFERENCE_ENTITIES })}` };
  }
  return { filter, fingerprint: `p:${digest({ processes: sorted, reference: REFERENCE_ENTITIES })}` };
}

type ScopeRecords = Pick<RecordsRepository, 'processIdsOfMember' | 'processIdsInDirectorates'>;

/** The processes a non-borough user may read and write, sorted; null for the whole borough. */
export async function processIdsInScope(records: ScopeRecords, user: User): Promise<string[] | null> {
  if (user.scope.kind === 'borough') return null;
  if (user.scope.kind === 'directorates') {
    return records.processIdsInDirectorates(user.scope.directorates ?? []);
  }
  return records.processIdsOfMember(user.id);
}

/** What `user` may pull now (read scope from their current assignments). */
export async function readScopeOf(records: ScopeRecords, user: User): Promise<ReadScope> {
  const processIds = (await processIdsInScope(records, user)) ?? [];
  return readScope(
    user.role,
    processIds,
    user.scope.kind === 'directorates' ? (user.scope.directorates ?? []) : undefined,
  );
}
