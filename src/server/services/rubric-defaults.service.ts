/**
 * Adds the rubric templates the app ships with (domain/rubric-defaults.ts)
 * when they are missing, through the server's one write path (write-path.ts:
 * merge, schema, authorisation) in one transaction holding the commit-sequence lock, so devices pull them like
 * any other reference data. They are stamped with the oldest possible clock:
 * a template the Unit has already edited (or retired) is never overwritten,
 * and starting the server again changes nothing.
 */
import { DEFAULT_RUBRIC_TEMPLATES, type User } from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import { withWriter } from './write-path';

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
  return store.transaction((repos) =>
    withWriter(repos, async (writer) => {
      const missing = [];
      for (const template of DEFAULT_RUBRIC_TEMPLATES) {
        if (!(await repos.records.get('rubricTemplate', template.id))) missing.push(template);
      }
      const results = await writer.apply(
        SYSTEM,
        missing.map(({ id, ...fields }, index) => ({
          id: index + 1,
          entity: 'rubricTemplate' as const,
          recordId: id,
          op: 'put' as const,
          fields,
          hlc: SEED_HLC,
        })),
      );
      for (const result of results) {
        if (result.status !== 'applied')
          throw new Error(`default rubric ${missing[result.id - 1]?.id}: ${result.message ?? result.code}`);
      }
      return missing.length;
    }),
  );
}
