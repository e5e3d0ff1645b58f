/**
 * Adds the reference data the app ships with — the rubric templates
 * (domain/rubric-defaults.ts) and the borough's government areas
 * (domain/entities/government-area.ts) and the follow-up's project statuses
 * (domain/entities/project-status.ts) — when they are missing, through the
 * server's one write path (write-path.ts: merge, schema, authorisation) in one
 * transaction holding the commit-sequence lock, so devices pull them like any
 * other reference data. They are stamped with the oldest possible clock: a
 * record the Unit has already edited (or retired) is never overwritten, and
 * starting the server again changes nothing.
 */
import {
  DEFAULT_GOVERNMENT_AREAS,
  DEFAULT_PROJECT_STATUSES,
  DEFAULT_RUBRIC_TEMPLATES,
  type EntityName,
  type Fields,
  type User,
} from '../../domain';
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

type Store = Pick<RepositoryStore, 'transaction'>;

/** Writes the `defaults` of `entity` the server does not hold yet; returns how many it added. */
async function ensureDefaultRecords(
  store: Store,
  entity: EntityName,
  defaults: readonly { id: string }[],
): Promise<number> {
  return store.transaction((repos) =>
    withWriter(repos, async (writer) => {
      const missing = [];
      for (const record of defaults) {
        if (!(await repos.records.get(entity, record.id))) missing.push(record);
      }
      const results = await writer.apply(
        SYSTEM,
        missing.map(({ id, ...fields }, index) => ({
          id: index + 1,
          entity,
          recordId: id,
          op: 'put' as const,
          fields: fields as Fields,
          hlc: SEED_HLC,
        })),
      );
      for (const result of results) {
        if (result.status !== 'applied')
          throw new Error(
            `default ${entity} ${missing[result.id - 1]?.id}: ${result.message ?? result.code}`,
          );
      }
      return missing.length;
    }),
  );
}

/** Returns how many templates were added. */
export function ensureDefaultRubricTemplates(store: Store): Promise<number> {
  return ensureDefaultRecords(store, 'rubricTemplate', DEFAULT_RUBRIC_TEMPLATES);
}

/** Returns how many government areas were added. */
export function ensureDefaultGovernmentAreas(store: Store): Promise<number> {
  return ensureDefaultRecords(store, 'governmentArea', DEFAULT_GOVERNMENT_AREAS);
}

/** Returns how many project statuses were added. */
export function ensureDefaultProjectStatuses(store: Store): Promise<number> {
  return ensureDefaultRecords(store, 'projectStatus', DEFAULT_PROJECT_STATUSES);
}
