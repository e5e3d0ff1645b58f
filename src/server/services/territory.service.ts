/**
 * Territory import: neighbourhood units from a GeoJSON FeatureCollection
 * become `territorialUnit` records (id = unitIdFromKey(key)).
 *
 * Every unit goes through the same path as a push mutation (write-path.ts:
 * field-level LWW merge, schema, the authorisation model) inside ONE
 * transaction holding the commit-sequence lock, so a failure leaves nothing half-imported and pulls
 * see the import in commit order. Only the fields the file owns (key, name,
 * population, geometry) are written, and only when their value differs from
 * the stored one: a re-import of the same file takes no new seq and is not
 * re-sent to any device, and a coordinator's `directorateId`/`prioritised`
 * edits (made online or offline) are never touched. A new unit starts
 * unprioritised and without a directorate.
 *
 * The writes go through the server's one write path (write-path.ts) and are
 * stamped by its HLC, moved past every stamp the written fields already
 * carry, so the file wins over older values of those fields and a later edit
 * from a device still wins over the import.
 */
import { z } from 'zod';
import {
  canonicalJson,
  parseTerritoryGeoJson,
  unitIdFromKey,
  type Fields,
  type ImportedUnit,
  type TerritoryImportReport,
  type User,
} from '../../domain';
import type { RepositoryStore } from '../repositories/repositories';
import { withWriter } from './write-path';

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

const IMPORTED_FIELDS = ['key', 'name', 'population', 'geometry'] as const;

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
    await store.transaction((repos) =>
      withWriter(repos, async (writer) => {
        // First pass: what each unit would change, and every stamp those fields carry now.
        const planned: { unit: ImportedUnit; fields: Fields; isNew: boolean }[] = [];
        for (const unit of parsed.units) {
          const stored = await repos.records.get('territorialUnit', unitIdFromKey(unit.key));
          const fields: Fields = {};
          for (const name of IMPORTED_FIELDS) {
            if (!stored || canonicalJson(stored.state.fields[name]) !== canonicalJson(unit[name])) {
              fields[name] = unit[name];
              const hlc = stored?.state.hlcs[name];
              if (hlc) writer.clock.receive(hlc);
            }
          }
          if (!stored) Object.assign(fields, { prioritised: false, directorateId: null });
          planned.push({ unit, fields, isNew: !stored });
        }
        const hlc = writer.clock.tick();
        const changes = planned.filter((p) => Object.keys(p.fields).length > 0);
        unchanged = planned.length - changes.length;
        for (const p of planned) if (Object.keys(p.fields).length === 0) population += p.unit.population;
        const results = await writer.apply(
          actor,
          changes.map(({ unit, fields }, i) => ({
            id: i + 1,
            entity: 'territorialUnit' as const,
            recordId: unitIdFromKey(unit.key),
            op: 'put' as const,
            fields,
            hlc,
          })),
        );
        changes.forEach(({ unit, isNew }, i) => {
          const result = results[i]!;
          if (result.status === 'rejected') {
            refused.push({
              index: indexOf.get(unit.key) ?? -1,
              key: unit.key,
              code: result.code ?? 'rejected',
              message: result.message ?? '',
            });
            return;
          }
          population += unit.population;
          if (isNew) added++;
          else updated++;
        });
      }),
    );
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
