/**
 * The one authorisation model: who may write which entity and which field, on
 * which territorial scope (docs/authorization.md). Every write the server
 * makes — a device's push, an imported file, a territory import, a map pack,
 * the default rubrics and government areas — is judged here, by
 * `authorizeWrite`, from the table `WRITE_POLICY` (authorization-policy.ts);
 * every listing and change of people (accounts, devices, enrolment codes,
 * rejections) by authorization-people.ts. A new
 * entity adds its row to the table and a test per refusal. A frozen record (a
 * validated Agenda version) changes for no one, administrators included.
 *
 * Scopes (scope.ts): admins and borough-wide coordinators hold everything;
 * a coordinator limited to directorates holds the processes covering a unit of
 * theirs and the units assigned to them; facilitators and promoters hold the
 * processes whose team lists them. Writing a record means holding it before
 * and after the write, so nothing can be moved out of another user's reach or
 * into one's own.
 */
import { type EntityName, type RecordState, type User } from '../../domain';
import {
  many,
  WRITE_POLICY,
  type EntityPolicy,
  type FieldRule,
  type FreezeRule,
  type RecordRule,
} from './authorization-policy';

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
  /** The review queue: list, resolve, dismiss, ask the field (which items: review.service.ts scope). */
  'review.manage': (user: User) => user.role === 'admin' || user.role === 'coordinator',
  /** Create accounts (which roles and directorates: authorization-people.ts mayGiveRole, users.service.ts). */
  'users.create': (user: User) => user.role === 'admin' || user.role === 'coordinator',
  /** List, edit, deactivate and reset accounts (which ones: authorization-people.ts). */
  'accounts.manage': (user: User) => user.role === 'admin' || user.role === 'coordinator',
  /** Issue, list and revoke enrolment codes (for whom: authorization-people.ts canManageUser). */
  'enrolment.issue': (user: User) => user.role === 'admin' || user.role === 'coordinator',
} satisfies Record<string, (user: User) => boolean>;

export type Action = keyof typeof ACTIONS;

/**
 * The one read without an account (ADR 0008): the public page of a process
 * whose `published` is true, live. What the page shows of it is chosen by
 * `publicPageModel` (public-page-model.ts) — only projects and updates marked
 * `public`, only the photos chosen — and its photo route serves only those.
 */
export function isPubliclyReadable(
  process: { entity: string; state: RecordState } | undefined,
): process is { entity: 'process'; state: RecordState } {
  return (
    !!process &&
    process.entity === 'process' &&
    !process.state.deleted &&
    process.state.fields.published === true
  );
}

export function mayPerform(user: User, action: Action): boolean {
  return ACTIONS[action](user);
}

/** `forbidden`: not the writer's to make; `validation_failed`: no one may make it (a loop of parents). */
export type Refusal = { code: 'forbidden' | 'validation_failed'; message: string };

const refuse = (message: string): Refusal => ({ code: 'forbidden', message });

/** What the write path knows when it asks: the writer's holdings, read lazily, and the stored targets. */
export interface WriteAccess {
  /** Processes a non-borough writer holds now. */
  visibleProcessIds(): Promise<ReadonlySet<string>>;
  /** Unit keys of a directorate coordinator's directorates. */
  unitKeysOfDirectorates(): Promise<ReadonlySet<string>>;
  /** A stored record's process and fields (undefined when the server does not hold it). */
  stored(
    entity: EntityName,
    id: string,
  ): Promise<{ processId: string | null; state: RecordState } | undefined>;
}

export interface WriteRequest {
  entity: EntityName;
  id: string;
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
  // Whoever holds the record, administrators included.
  const frozen = policy.freeze ? checkFreeze(policy.freeze, request) : null;
  if (frozen) return frozen;
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
    case 'publish':
      // Holding the process was judged with the record: a facilitator holds only their teams' processes.
      if (user.role === 'admin' || user.role === 'coordinator' || user.role === 'facilitator') return null;
      // A promoter may create a process that is not published (the field absent or false).
      return !before && after.state.fields.published !== true
        ? null
        : refuse('Only coordinators and the process’s facilitators publish its public page');
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

/** A frozen record changes for no one; the write that freezes it must carry what it seals (FreezeRule). */
function checkFreeze(rule: FreezeRule, request: WriteRequest): Refusal | null {
  const { before, after } = request;
  if (before?.state.fields[rule.field] === rule.value) {
    return request.changedValues.length > 0 ? refuse(rule.message) : null;
  }
  if (after.state.fields[rule.field] !== rule.value || after.state.deleted) return null;
  const stamp = after.state.hlcs[rule.field];
  const stale = rule.sealedWith.filter((f) => after.state.hlcs[f] !== stamp);
  return stale.length > 0
    ? refuse(
        `${rule.field}: ${rule.value} must be written together with ${stale.join(', ')}, and they changed meanwhile (or were not sent)`,
      )
    : null;
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
      if (reference.acyclic && id === request.id) {
        return { code: 'validation_failed', message: `${reference.field}: a record cannot point at itself` };
      }
      const target = await access.stored(reference.entity, id);
      if (target !== undefined && target.processId !== processId) {
        return refuse(`${reference.field}: ${reference.entity} ${id} belongs to another process`);
      }
      if (
        reference.acyclic &&
        target &&
        (await leadsBack(access, reference.entity, reference.field, target, request.id))
      ) {
        return { code: 'validation_failed', message: `${reference.field}: ${id} would make a loop` };
      }
    }
  }
  return null;
}

/** Whether following `field` from `start` (a stored record) reaches the record `id`. */
async function leadsBack(
  access: WriteAccess,
  entity: EntityName,
  field: string,
  start: { state: RecordState },
  id: string,
): Promise<boolean> {
  const seen = new Set<string>();
  let next = start.state.fields[field];
  while (typeof next === 'string' && !seen.has(next) && seen.size < 10_000) {
    if (next === id) return true;
    seen.add(next);
    next = (await access.stored(entity, next))?.state.fields[field];
  }
  return false;
}
