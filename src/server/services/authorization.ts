/**
 * The one authorisation model: who may write which entity and which field, on
 * which territorial scope (docs/authorization.md). Every write the server
 * makes — a device's push, an imported file, a territory import, a map pack,
 * the default rubrics — is judged here, by `authorizeWrite`, from the table
 * `WRITE_POLICY`; every listing of people (devices, rejections) by
 * `canManageUser`. A new entity adds its row to the table and a test per
 * refusal.
 *
 * Scopes (scope.ts): admins and borough-wide coordinators hold everything;
 * a coordinator limited to directorates holds the processes covering a unit of
 * theirs and the units assigned to them; facilitators and promoters hold the
 * processes whose team lists them. Writing a record means holding it before
 * and after the write, so nothing can be moved out of another user's reach or
 * into one's own.
 */
import { type EntityName, type RecordState, type User } from '../../domain';

/**
 * How a whole record (create, edit, delete) is guarded:
 * - `process`: anyone who holds the record's process (team member, or a
 *   manager whose scope covers it), before and after the write;
 * - `borough`: admins and borough-wide coordinators only (reference data that
 *   is the same for every directorate);
 * - `unit`: like `borough`, except the fields a directorate coordinator may
 *   set on the units of their directorates (see `fields`).
 */
export type RecordRule = 'process' | 'borough' | 'unit';

/**
 * A field stricter than its record:
 * - `immutable`: set when the record is created, never changed (a record
 *   cannot be moved to another process);
 * - `team`: the process team — after creation only admins and coordinators
 *   whose scope holds the process before and after; a field user creating a
 *   process must list themselves;
 * - `units`: a directorate coordinator removes only units of their own
 *   directorates (a process may span adjacent units of two directorates, but
 *   one coordinator cannot take it out of the other's view);
 * - `unitDirectorate`: borough managers, or a directorate coordinator when
 *   both the old and the new directorate are theirs;
 * - `unitPriority`: borough managers, or a directorate coordinator for a unit
 *   of their directorates.
 */
export type FieldRule = 'immutable' | 'team' | 'units' | 'unitDirectorate' | 'unitPriority';

/** A field naming another record, which must belong to the same process when it exists. */
export interface Reference {
  field: string;
  entity: EntityName;
  /** The ids the field holds (a single id, a list, or ids inside objects). */
  ids(value: unknown): string[];
}

export interface EntityPolicy {
  record: RecordRule;
  fields?: Record<string, FieldRule>;
  references?: Reference[];
}

const one = (value: unknown) => (typeof value === 'string' ? [value] : []);
const many = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const optionIds = (value: unknown) =>
  Array.isArray(value) ? value.flatMap((o) => one((o as { problemId?: unknown } | null)?.problemId)) : [];
const stageSessions = (value: unknown) =>
  Array.isArray(value) ? value.flatMap((s) => many((s as { sessionIds?: unknown } | null)?.sessionIds)) : [];

const ref = (field: string, entity: EntityName, ids = one): Reference => ({ field, entity, ids });
const PROCESS_ID: Record<string, FieldRule> = { processId: 'immutable' };

export const WRITE_POLICY: Record<EntityName, EntityPolicy> = {
  process: {
    record: 'process',
    fields: { teamUserIds: 'team', unitKeys: 'units' },
    references: [ref('stageHistory', 'session', stageSessions)],
  },
  session: { record: 'process', fields: PROCESS_ID },
  problem: {
    record: 'process',
    fields: PROCESS_ID,
    references: [
      ref('sessionId', 'session'),
      ref('mergedIntoId', 'problem'),
      ref('noteIds', 'tourNote', many),
    ],
  },
  tourNote: { record: 'process', fields: PROCESS_ID, references: [ref('sessionId', 'session')] },
  round: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('sessionId', 'session'), ref('options', 'problem', optionIds)],
  },
  ballot: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('roundId', 'round'), ref('supersedes', 'ballot')],
  },
  rubricScore: {
    record: 'process',
    fields: PROCESS_ID,
    references: [ref('sessionId', 'session'), ref('supersedes', 'rubricScore')],
  },
  trackChunk: { record: 'process', fields: PROCESS_ID, references: [ref('sessionId', 'session')] },
  territorialUnit: {
    record: 'unit',
    fields: { directorateId: 'unitDirectorate', prioritised: 'unitPriority' },
  },
  directorate: { record: 'borough' },
  rubricTemplate: { record: 'borough' },
  mapPack: { record: 'borough' },
};

/**
 * Actions outside the record table (whole requests). Each route names its
 * action; who may perform it is decided here and nowhere else.
 */
export const ACTIONS = {
  /** Import the borough's neighbourhood units (reference data for every directorate). */
  'territory.import': (user: User) => isBoroughManager(user),
  /** Upload an offline map pack (reference data for every device). */
  'mapPack.upload': (user: User) => isBoroughManager(user),
  /** Import a device's unsynced file, applied as its author (import.service.ts). */
  'sync.import': (user: User) => user.role === 'admin' || user.role === 'coordinator',
  /** Review rejected changes (filtered by canManageUser for directorate coordinators). */
  'rejections.list': (user: User) => user.role === 'admin' || user.role === 'coordinator',
  /** Create accounts (which roles: users.service.ts canCreate). */
  'users.create': (user: User) => user.role === 'admin' || user.role === 'coordinator',
} satisfies Record<string, (user: User) => boolean>;

export type Action = keyof typeof ACTIONS;

export function mayPerform(user: User, action: Action): boolean {
  return ACTIONS[action](user);
}

export type Refusal = { code: 'forbidden'; message: string };

const refuse = (message: string): Refusal => ({ code: 'forbidden', message });

/** What the write path knows when it asks: the writer's holdings, read lazily, and the stored targets. */
export interface WriteAccess {
  /** Processes a non-borough writer holds now. */
  visibleProcessIds(): Promise<ReadonlySet<string>>;
  /** Unit keys of a directorate coordinator's directorates. */
  unitKeysOfDirectorates(): Promise<ReadonlySet<string>>;
  /** The process of a stored record (undefined when the server does not hold it). */
  processOf(entity: EntityName, id: string): Promise<string | null | undefined>;
}

export interface WriteRequest {
  entity: EntityName;
  /** The stored record before the write (undefined: the write creates it). */
  before: { processId: string | null; state: RecordState } | undefined;
  after: { processId: string | null; state: RecordState };
  /** Fields whose value the write changes (a newer stamp on an equal value is not a change). */
  changedValues: string[];
}

export const isBoroughManager = (user: User) =>
  user.role === 'admin' || (user.role === 'coordinator' && user.scope.kind === 'borough');

const strings = (value: unknown) => many(value);

/** Why `user` may not make this write, or null when they may. */
export async function authorizeWrite(
  user: User,
  access: WriteAccess,
  request: WriteRequest,
): Promise<Refusal | null> {
  const policy = WRITE_POLICY[request.entity];
  const recordRefusal = await authorizeRecord(user, access, policy.record, request);
  if (recordRefusal) return recordRefusal;
  for (const field of request.changedValues) {
    const rule = policy.fields?.[field];
    if (!rule) continue;
    const refusal = await authorizeField(user, access, rule, field, request);
    if (refusal) return refusal;
  }
  return checkReferences(access, policy, request);
}

async function authorizeRecord(
  user: User,
  access: WriteAccess,
  rule: RecordRule,
  request: WriteRequest,
): Promise<Refusal | null> {
  if (isBoroughManager(user)) return null;
  if (rule === 'borough') return refuse('Only administrators and borough-wide coordinators manage this data');
  if (rule === 'unit') {
    // Directorate coordinators may touch the assignment fields of their units; the rest is borough-wide.
    if (
      user.role !== 'coordinator' ||
      !request.before ||
      request.after.state.deleted !== request.before.state.deleted
    ) {
      return refuse('Neighbourhood units are managed by borough-wide coordinators');
    }
    const others = request.changedValues.filter((f) => f !== 'directorateId' && f !== 'prioritised');
    return others.length > 0 ? refuse(`Only borough-wide coordinators change ${others.join(', ')}`) : null;
  }
  const visible = await access.visibleProcessIds();
  const holds = (processId: string | null) => processId !== null && visible.has(processId);
  if (request.before && !holds(request.before.processId)) return refuse('Outside your processes');
  if (request.entity === 'process' && !request.before) {
    // A new process is not in the mirrors yet: judge it by what it says.
    if (user.scope.kind === 'directorates') {
      const theirs = await access.unitKeysOfDirectorates();
      return strings(request.after.state.fields.unitKeys).some((k) => theirs.has(k))
        ? null
        : refuse('The process must cover a unit of your directorates');
    }
    return strings(request.after.state.fields.teamUserIds).includes(user.id)
      ? null
      : refuse('A process you create must list you in teamUserIds');
  }
  if (request.entity === 'process' && user.scope.kind === 'directorates') {
    const theirs = await access.unitKeysOfDirectorates();
    return strings(request.after.state.fields.unitKeys).some((k) => theirs.has(k))
      ? null
      : refuse('The process must cover a unit of your directorates');
  }
  return holds(request.after.processId) ? null : refuse('Outside your processes');
}

async function authorizeField(
  user: User,
  access: WriteAccess,
  rule: FieldRule,
  field: string,
  request: WriteRequest,
): Promise<Refusal | null> {
  const { before, after } = request;
  switch (rule) {
    case 'immutable':
      return before ? refuse(`${field} cannot change once the record exists`) : null;
    case 'team':
      // Creation was judged with the record; afterwards the team belongs to coordinators.
      if (!before || isBoroughManager(user)) return null;
      return user.role === 'coordinator'
        ? null // a directorate coordinator already holds the process before and after (authorizeRecord)
        : refuse('Only coordinators change a process team');
    case 'units': {
      if (user.scope.kind !== 'directorates') return null;
      const theirs = await access.unitKeysOfDirectorates();
      const old = new Set(strings(before?.state.fields.unitKeys));
      const now = new Set(strings(after.state.fields.unitKeys));
      const foreign = [...old].filter((k) => !now.has(k) && !theirs.has(k));
      return foreign.length > 0
        ? refuse(`Units of other directorates cannot be removed: ${foreign.join(', ')}`)
        : null;
    }
    case 'unitDirectorate':
    case 'unitPriority': {
      if (isBoroughManager(user)) return null;
      const dirs = new Set(user.scope.directorates ?? []);
      const oldDir = before?.state.fields.directorateId;
      const newDir = after.state.fields.directorateId;
      const holdsOld = typeof oldDir === 'string' && dirs.has(oldDir);
      if (rule === 'unitPriority') {
        return holdsOld ? null : refuse('The unit is not in your directorates');
      }
      const holdsNew = typeof newDir === 'string' && dirs.has(newDir);
      return holdsOld && holdsNew ? null : refuse('A unit moves only between directorates you coordinate');
    }
  }
}

/** Records a write points at must belong to the writer's record's process (when the server holds them). */
async function checkReferences(
  access: WriteAccess,
  policy: EntityPolicy,
  request: WriteRequest,
): Promise<Refusal | null> {
  const processId = request.after.processId;
  for (const reference of policy.references ?? []) {
    if (!request.changedValues.includes(reference.field)) continue;
    for (const id of reference.ids(request.after.state.fields[reference.field])) {
      const target = await access.processOf(reference.entity, id);
      if (target !== undefined && target !== processId) {
        return refuse(`${reference.field}: ${reference.entity} ${id} belongs to another process`);
      }
    }
  }
  return null;
}
