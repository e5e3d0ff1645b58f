/**
 * Applies one push mutation inside the push transaction: field-level LWW
 * merge with the stored record, then the entity's schema, then the user's
 * scope. A refused mutation is returned as `rejected` (the caller stores it
 * for review and still advances the client's counter); it never throws for
 * bad data. A write that changes nothing (all fields stale) is `applied`
 * without touching the record, so it takes no new seq and is not re-sent
 * to anyone on pull.
 */
import {
  deleteWrites,
  getEntity,
  mergeFields,
  putWrites,
  type EntityName,
  type Mutation,
  type MutationResult,
  type RecordState,
  type User,
} from '../../domain';
import type { Repositories } from '../repositories/repositories';
import { isManager, processIdsInScope } from './scope';

export interface ApplyContext {
  repos: Pick<Repositories, 'records'>;
  /** Who writes; `user.scope` decides what they may write. */
  user: User;
  /** Allocates the next commit-sequence value (the lock is already held). */
  nextSeq(): number;
  now: string;
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

async function checkScope(
  ctx: ApplyContext,
  entity: EntityName,
  before: { processId: string | null } | undefined,
  after: { processId: string | null; state: RecordState },
): Promise<Refusal | null> {
  const scope = ctx.user.scope;
  if (scope.kind === 'borough') return null;
  const refuse = { code: 'forbidden', message: 'Outside your processes' };
  if (getEntity(entity).reference) {
    return isManager(ctx.user.role)
      ? null
      : { code: 'forbidden', message: 'Reference data is managed by coordinators' };
  }
  const visible = (await processIdsInScope(ctx.repos.records, ctx.user)) ?? [];
  const inScope = (processId: string | null) => processId !== null && visible.includes(processId);
  // Editing a record means holding it now and still holding it afterwards.
  if (before && !inScope(before.processId)) return refuse;
  if (scope.kind === 'directorates') {
    if (entity !== 'process') return inScope(after.processId) ? null : refuse;
    // A process is theirs while it covers a unit of their directorates (judged on the new unitKeys).
    const theirs = await ctx.repos.records.unitKeysInDirectorates(scope.directorates ?? []);
    return stringsOf(after.state.fields.unitKeys).some((key) => theirs.includes(key))
      ? null
      : { code: 'forbidden', message: 'The process must cover a unit of your directorates' };
  }
  if (entity === 'process' && !before) {
    return teamOf(after.state).includes(ctx.user.id)
      ? null
      : { code: 'forbidden', message: 'A process you create must list you in teamUserIds' };
  }
  return inScope(after.processId) ? null : refuse;
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
  const stored = await ctx.repos.records.get(mutation.entity, mutation.recordId);
  const writes =
    mutation.op === 'put'
      ? putWrites(mutation.fields, mutation.hlc, mutation.hlcs)
      : deleteWrites(mutation.hlc);
  const { state, changed } = mergeFields(stored?.state, writes);

  if (!state.deleted) {
    const result = definition.schema.safeParse(state.fields);
    if (!result.success)
      return refused({ code: 'validation_failed', message: validationMessage(result.error.issues) });
  }
  const processId = definition.reference ? null : definition.processIdOf(mutation.recordId, state.fields);
  const scopeRefusal = await checkScope(ctx, mutation.entity, stored, { processId, state });
  if (scopeRefusal) return refused(scopeRefusal);
  if (definition.appendOnly && stored && changed.length > 0) {
    return refused({
      code: 'append_only',
      message: `${mutation.entity} records cannot be changed; add a correction`,
    });
  }

  if (changed.length > 0) {
    await ctx.repos.records.put(
      { entity: mutation.entity, id: mutation.recordId, processId, state, seq: ctx.nextSeq() },
      ctx.now,
    );
    if (mutation.entity === 'process' && (!stored || changed.includes('teamUserIds'))) {
      await ctx.repos.records.setProcessMembers(mutation.recordId, teamOf(state));
    }
    // Mirrors read by directorate scope (scope.ts).
    if (mutation.entity === 'process' && (!stored || changed.includes('unitKeys'))) {
      await ctx.repos.records.setProcessUnits(mutation.recordId, stringsOf(state.fields.unitKeys));
    }
    if (mutation.entity === 'territorialUnit' && changed.some((f) => f === 'directorateId' || f === 'key')) {
      const key = state.fields.key;
      const directorateId = state.fields.directorateId;
      if (typeof key === 'string') {
        await ctx.repos.records.setUnitDirectorate(
          key,
          typeof directorateId === 'string' ? directorateId : null,
        );
      }
    }
  }
  return { id: mutation.id, status: 'applied' };
}
