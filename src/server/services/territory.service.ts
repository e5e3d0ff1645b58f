/**
 * Territory import: neighbourhood units from a GeoJSON FeatureCollection
 * become `territorialUnit` records (id = unitIdFromKey(key)).
 *
 * Every unit goes through the same path as a push mutation (applyMutation:
 * field-level LWW merge, schema, scope) inside ONE transaction holding the
 * commit-sequence lock, so a failure leaves nothing half-imported and pulls
 * see the import in commit order. Only the fields the file owns (key, name,
 * population, geometry) are written, and only when their value differs from
 * the stored one: a re-import of the same file takes no new seq and is not
 * re-sent to any device, and a coordinator's `directorateId`/`prioritised`
 * edits (made online or offline) are never touched. A new unit starts
 * unprioritised and without a directorate.
 *
 * The writes are stamped by the server's own HLC (a fixed node id kept in
 * meta), moved past every stamp the written fields already carry, so the
 * file wins over older values of those fields and a later edit from a device
 * still wins over the import.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  createHlcClock,
  parseTerritoryGeoJson,
  unitIdFromKey,
  type Fields,
  type ImportedUnit,
  type Mutation,
  type TerritoryImportReport,
  type User,
} from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import { applyMutation } from './apply-mutation';

export { territoryImportReportSchema, type TerritoryImportReport } from '../../domain';
type TerritoryRefusal = TerritoryImportReport['refused'][number];

/** The request body: a GeoJSON FeatureCollection (each feature is checked by the import). */
export const territoryGeoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()),
});

/** The importer when no signed-in user is behind it (CLI). */
export const SYSTEM_USER: User = {
  id: 'system',
  username: 'system',
  displayName: 'system',
  role: 'admin',
  scope: { kind: 'borough' },
};

const NODE_KEY = 'server_hlc_node';
const LAST_KEY = 'server_hlc_last';
const IMPORTED_FIELDS = ['key', 'name', 'population', 'geometry'] as const;

/** JSON with sorted object keys, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export type TerritoryStore = Pick<RepositoryStore, 'transaction'>;

export function createTerritoryService(store: TerritoryStore) {
  /** Throws (before touching the database) if `json` is not a FeatureCollection. */
  async function importTerritory(json: unknown, user: User | 'system'): Promise<TerritoryImportReport> {
    const started = performance.now();
    const actor = user === 'system' ? SYSTEM_USER : user;
    const parsed = parseTerritoryGeoJson(json);
    const refused: TerritoryRefusal[] = [...parsed.refused];
    const indexOf = new Map<string, number>();
    const list = (json as { features: { properties?: Record<string, unknown> | null }[] }).features;
    list.forEach((f, i) => {
      const key = f?.properties?.CVEUT ?? f?.properties?.key;
      if (key !== undefined && key !== null) indexOf.set(String(key).trim(), i);
    });

    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let population = 0;
    await store.transaction(async (repos) => {
      let seq = await repos.records.lockSequence();
      const startSeq = seq;
      let node = await repos.meta.get(NODE_KEY);
      if (!node) {
        node = randomBytes(8).toString('hex');
        await repos.meta.set(NODE_KEY, node);
      }
      const clock = createHlcClock(node, { last: (await repos.meta.get(LAST_KEY)) ?? null });

      // First pass: what each unit would change, and every stamp those fields carry now.
      const planned: { unit: ImportedUnit; fields: Fields; isNew: boolean }[] = [];
      for (const unit of parsed.units) {
        const stored = await repos.records.get('territorialUnit', unitIdFromKey(unit.key));
        const fields: Fields = {};
        for (const name of IMPORTED_FIELDS) {
          if (!stored || canonical(stored.state.fields[name]) !== canonical(unit[name])) {
            fields[name] = unit[name];
            const hlc = stored?.state.hlcs[name];
            if (hlc) clock.receive(hlc);
          }
        }
        if (!stored) Object.assign(fields, { prioritised: false, directorateId: null });
        planned.push({ unit, fields, isNew: !stored });
      }
      const hlc = clock.tick();

      const context = { repos, user: actor, now: new Date().toISOString(), nextSeq: () => ++seq };
      let mutationId = 0;
      for (const { unit, fields, isNew } of planned) {
        mutationId++;
        if (Object.keys(fields).length === 0) {
          unchanged++;
          population += unit.population;
          continue;
        }
        const mutation: Mutation & { entity: 'territorialUnit' } = {
          id: mutationId,
          entity: 'territorialUnit',
          recordId: unitIdFromKey(unit.key),
          op: 'put',
          fields,
          hlc,
        };
        const result = await applyMutation(context, mutation);
        if (result.status === 'rejected') {
          refused.push({
            index: indexOf.get(unit.key) ?? -1,
            key: unit.key,
            code: result.code ?? 'rejected',
            message: result.message ?? '',
          });
          continue;
        }
        population += unit.population;
        if (isNew) added++;
        else updated++;
      }
      if (seq !== startSeq) {
        await repos.records.setSequence(seq);
        await repos.meta.set(LAST_KEY, hlc);
      }
    });
    refused.sort((a, b) => a.index - b.index);
    return {
      added,
      updated,
      unchanged,
      refused,
      units: added + updated + unchanged,
      population,
      ms: Math.round(performance.now() - started),
    };
  }

  return { importTerritory };
}

export type TerritoryService = ReturnType<typeof createTerritoryService>;
