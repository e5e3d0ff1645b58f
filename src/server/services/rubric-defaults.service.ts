/**
 * Adds the rubric templates the app ships with (domain/rubric-defaults.ts)
 * when they are missing, through the same path as a push (merge, schema) in
 * one transaction holding the commit-sequence lock, so devices pull them like
 * any other reference data. They are stamped with the oldest possible clock:
 * a template the Unit has already edited (or retired) is never overwritten,
 * and starting the server again changes nothing.
 */
import { DEFAULT_RUBRIC_TEMPLATES, type Fields, type Mutation, type User } from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import { applyMutation } from './apply-mutation';

/** Older than any real clock: the defaults lose to every edit. */
const SEED_HLC = '2000-01-01T00:00:00.000Z-0000-0000000000000000';

const SYSTEM: User = {
  id: 'system',
  username: 'system',
  displayName: 'Sistema',
  role: 'admin',
  scope: { kind: 'borough' },
};

/** Returns how many templates were added. */
export async function ensureDefaultRubricTemplates(
  store: Pick<RepositoryStore, 'transaction'>,
): Promise<number> {
  return store.transaction(async (repos) => {
    let seq = await repos.records.lockSequence();
    const startSeq = seq;
    const context = { repos, user: SYSTEM, now: new Date().toISOString(), nextSeq: () => ++seq };
    let added = 0;
    for (const [index, { id, ...fields }] of DEFAULT_RUBRIC_TEMPLATES.entries()) {
      if (await repos.records.get('rubricTemplate', id)) continue;
      const mutation: Mutation & { entity: 'rubricTemplate' } = {
        id: index + 1,
        entity: 'rubricTemplate',
        recordId: id,
        op: 'put',
        fields: fields as unknown as Fields,
        hlc: SEED_HLC,
      };
      const result = await applyMutation(context, mutation);
      if (result.status !== 'applied')
        throw new Error(`default rubric ${id}: ${result.message ?? result.code}`);
      added++;
    }
    if (seq !== startSeq) await repos.records.setSequence(seq);
    return added;
  });
}
