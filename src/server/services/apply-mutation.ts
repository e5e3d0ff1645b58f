/**
 * Applies one push mutation inside the push transaction: field-level LWW
 * merge with the stored record, then the entity's schema, then the user's
 * scope. A refused mutation is returned as `rejected` (the caller stores it
 * for review and still advances the client's counter); it never throws for
 * bad data. A write that changes nothing (all fields stale) is `applied`
 * without touching the record, so it takes no new seq and is not re-sent
 * to anyone on pull.
 *
 * A push hands it a `PushBatch` (createPushBatch): the batch's stored
 * records are read in one query before the loop, merged states stay in
 * memory (a record written twice in one batch sees its first write), the
 * writer's visible processes are read once and again only after a write
 * that changes scope (process team or units, a unit's directorate), and
 * the records are written with multi-row upserts when the loop ends. The
 * outcome is the same as applying the mutations one at a time.
 */
import {
  canonicalJson,
  collectBlobHashes,
  declaredFields,
  deleteWrites,
  DELETED_FIELD,
  findControlCharacter,
  findUnknownKeys,
  getEntity,
  mergeFields,
  putWrites,
  type EntityDefinition,
  type EntityName,
  type Fields,
  type Mutation,
  type MutationResult,
  type RecordState,
  type User,
} from '../../domain';
import type { RecordKey, RecordsRepository, StoredRecord } from '../repositories/records.repository';
import type { Repositories } from '../repositories/repositories';
import { authorizeWrite, type WriteAccess } from './authorization';
import { crossingOf, type Crossing } from './review-conflicts';
import { processIdsInScope, readScopeOf } from './scope';

export interface ApplyContext {
  repos: Pick<Repositories, 'records' | 'blobs'>;
  /** Who writes; `user.scope` decides what they may write. */
  user: User;
  /** Allocates the next commit-sequence value (the lock is already held). */
  nextSeq(): number;
  now: string;
  /** Reads and writes of a whole push batch (without it, each mutation reads and writes at once). */
  batch?: PushBatch;
  /** Told of each delete/edit crossing an applied write settles (review-conflicts.ts). */
  noteCrossing?(mutation: Mutation, crossing: Crossing, processId: string | null): void;
}

/** What applying a mutation reads and writes besides the scope mirrors. */
interface RecordAccess {
  get(entity: string, id: string): Promise<StoredRecord | undefined>;
  /** Processes a non-borough writer may write now. */
  visibleProcessIds(): Promise<ReadonlySet<string>>;
  /** Units of a directorate coordinator's directorates. */
  unitKeysOfDirectorates(): Promise<ReadonlySet<string>>;
  put(record: StoredRecord): Promise<void>;
  /** Called after a scope mirror (process_members, process_units, unit_directorates) changed. */
  scopeChanged(): void;
}

export interface PushBatch extends RecordAccess {
  /** Writes the records staged by the batch (each once, in its last state and seq). */
  flush(): Promise<void>;
}

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

type ScopeReader = Pick<
  RecordsRepository,
  'processIdsOfMember' | 'processIdsInDirectorates' | 'unitKeysInDirectorates'
>;

async function readVisible(records: ScopeReader, user: User): Promise<ReadonlySet<string>> {
  return new Set((await processIdsInScope(records, user)) ?? []);
}

async function readUnitKeys(records: ScopeReader, user: User): Promise<ReadonlySet<string>> {
  return new Set(await records.unitKeysInDirectorates(user.scope.directorates ?? []));
}

function directAccess(ctx: ApplyContext): RecordAccess {
  const records = ctx.repos.records;
  return {
    get: (entity, id) => records.get(entity, id),
    visibleProcessIds: () => readVisible(records, ctx.user),
    unitKeysOfDirectorates: () => readUnitKeys(records, ctx.user),
    put: (record) => records.put(record, ctx.now),
    scopeChanged: () => undefined,
  };
}

/**
 * Prepares a push batch: reads the stored records of `keys` in one go. Must be
 * created inside the push transaction, after the commit-sequence lock.
 */
export async function createPushBatch(
  records: Pick<RecordsRepository, 'getMany' | 'putMany'> & ScopeReader,
  user: User,
  now: string,
  keys: RecordKey[],
): Promise<PushBatch> {
  const known = new Map<string, StoredRecord | undefined>();
  for (const key of keys) known.set(keyOf(key.entity, key.id), undefined);
  for (const record of await records.getMany(keys)) known.set(keyOf(record.entity, record.id), record);
  const staged = new Map<string, StoredRecord>();
  let visible: Promise<ReadonlySet<string>> | null = null;
  let unitKeys: Promise<ReadonlySet<string>> | null = null;
  return {
    async get(entity, id) {
      const key = keyOf(entity, id);
      if (known.has(key)) return known.get(key);
      const record = await records.getMany([{ entity, id }]);
      known.set(key, record[0]);
      return record[0];
    },
    visibleProcessIds: () => (visible ??= readVisible(records, user)),
    unitKeysOfDirectorates: () => (unitKeys ??= readUnitKeys(records, user)),
    async put(record) {
      const key = keyOf(record.entity, record.id);
      known.set(key, record);
      staged.set(key, record);
    },
    scopeChanged() {
      visible = null;
      unitKeys = null;
    },
    async flush() {
      await records.putMany([...staged.values()], now);
      staged.clear();
    },
  };
}

type Refusal = { code: string; message: string };

function validationMessage(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`).join('; ');
}

function teamOf(state: RecordState): string[] {
  return stringsOf(state.fields.teamUserIds);
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The shape every write must have besides the merged record's schema: only
 * fields the entity declares (at any depth), no control characters in text.
 * Judged on the fields the mutation writes, so a record is never refused for
 * what someone else stored before.
 */
function checkShape(
  definition: EntityDefinition,
  fields: Fields,
  written: string[],
  changed: string[],
  parsed: Fields | undefined,
): Refusal | null {
  const declared = declaredFields(definition.schema);
  const unknown = written.filter((f) => f !== DELETED_FIELD && !declared.has(f));
  if (unknown.length > 0) {
    return { code: 'validation_failed', message: `unknown fields: ${unknown.join(', ')}` };
  }
  for (const name of written) {
    const control = findControlCharacter(fields[name], name);
    if (control)
      return { code: 'validation_failed', message: `${control}: control characters are not allowed` };
    // A stale write (older stamp) stored nothing; the others are what `parsed` was made from.
    const nested = parsed && changed.includes(name) ? findUnknownKeys(fields[name], parsed[name], name) : [];
    if (nested.length > 0)
      return { code: 'validation_failed', message: `unknown fields: ${nested.join(', ')}` };
  }
  return null;
}

/**
 * A photo or audio hash a write adds must be one the writer may already read
 * (uploaded it, or holds a record with it), or not stored yet (its upload is
 * still on its way). Otherwise naming a hash would be a key to someone else's photo.
 */
async function checkBlobs(ctx: ApplyContext, before: Fields | undefined, after: Fields, written: string[]) {
  const had = collectBlobHashes(before ?? {});
  const added = [...collectBlobHashes(written.map((f) => after[f]))].filter((h) => !had.has(h));
  if (added.length === 0) return null;
  const blobs = ctx.repos.blobs;
  for (const sha256 of added) {
    if (!(await blobs.get(sha256))) continue;
    if (await blobs.hasUploaded(sha256, ctx.user.id)) continue;
    if (await blobs.isReferenced(sha256, (await readScopeOf(ctx.repos.records, ctx.user)).filter)) continue;
    return { code: 'forbidden', message: `photo ${sha256.slice(0, 12)}…: not one you uploaded or can see` };
  }
  return null;
}

export async function applyMutation(
  ctx: ApplyContext,
  mutation: Mutation & { entity: EntityName },
): Promise<MutationResult> {
  const definition = getEntity(mutation.entity);
  const refused = (r: Refusal): MutationResult => ({ id: mutation.id, status: 'rejected', ...r });

  if (mutation.op === 'put' && 'deleted' in mutation.fields && typeof mutation.fields.deleted !== 'boolean') {
    return refused({ code: 'validation_failed', message: 'deleted: must be a boolean' });
  }
  const access = ctx.batch ?? directAccess(ctx);
  const stored = await access.get(mutation.entity, mutation.recordId);
  const writes =
    mutation.op === 'put'
      ? putWrites(mutation.fields, mutation.hlc, mutation.hlcs)
      : deleteWrites(mutation.hlc);
  const { state, changed } = mergeFields(stored?.state, writes);
  const written = Object.keys(writes.fields).filter((f) => f !== DELETED_FIELD);

  // A put that writes fields must leave a valid record, deleted or not: nothing unchecked is stored.
  let parsed: Fields | undefined;
  if (!state.deleted || written.length > 0) {
    const result = definition.schema.safeParse(state.fields);
    if (!result.success)
      return refused({ code: 'validation_failed', message: validationMessage(result.error.issues) });
    parsed = result.data;
  }
  const shapeRefusal = checkShape(definition, writes.fields, written, changed, parsed);
  if (shapeRefusal) return refused(shapeRefusal);

  const processId = definition.reference ? null : definition.processIdOf(mutation.recordId, state.fields);
  const changedValues = changed.filter(
    (f) =>
      f === DELETED_FIELD ||
      !stored ||
      canonicalJson(stored.state.fields[f]) !== canonicalJson(state.fields[f]),
  );
  const refusal = await authorizeWrite(ctx.user, writeAccess(access), {
    entity: mutation.entity,
    id: mutation.recordId,
    before: stored,
    after: { processId, state },
    changedValues,
  });
  if (refusal) return refused(refusal);
  if (definition.appendOnly && stored && changed.length > 0) {
    return refused({
      code: 'append_only',
      message: `${mutation.entity} records cannot be changed; add a correction`,
    });
  }
  const blobRefusal = await checkBlobs(ctx, stored?.state.fields, state.fields, written);
  if (blobRefusal) return refused(blobRefusal);

  if (changed.length > 0) {
    const crossing = crossingOf(stored?.state, mutation, state, changedValues);
    if (crossing) ctx.noteCrossing?.(mutation, crossing, processId);
    await access.put({
      entity: mutation.entity,
      id: mutation.recordId,
      processId,
      state,
      seq: ctx.nextSeq(),
    });
    if (mutation.entity === 'process' && (!stored || changed.includes('teamUserIds'))) {
      await ctx.repos.records.setProcessMembers(mutation.recordId, teamOf(state));
      access.scopeChanged();
    }
    // Mirrors read by directorate scope (scope.ts).
    if (mutation.entity === 'process' && (!stored || changed.includes('unitKeys'))) {
      await ctx.repos.records.setProcessUnits(mutation.recordId, stringsOf(state.fields.unitKeys));
      access.scopeChanged();
    }
    if (mutation.entity === 'territorialUnit' && changed.some((f) => f === 'directorateId' || f === 'key')) {
      const key = state.fields.key;
      const directorateId = state.fields.directorateId;
      if (typeof key === 'string') {
        await ctx.repos.records.setUnitDirectorate(
          key,
          typeof directorateId === 'string' ? directorateId : null,
        );
        access.scopeChanged();
      }
    }
  }
  return { id: mutation.id, status: 'applied' };
}

function writeAccess(access: RecordAccess): WriteAccess {
  return {
    visibleProcessIds: () => access.visibleProcessIds(),
    unitKeysOfDirectorates: () => access.unitKeysOfDirectorates(),
    stored: (entity, id) => access.get(entity, id),
  };
}
