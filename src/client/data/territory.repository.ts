/**
 * The borough's territory on this device: neighbourhood units and the
 * territorial directorates. Reference data — every device pulls all of it —
 * but coordinators' edits (a unit's directorate, its "prioritised" flag, a new
 * directorate) are ordinary local writes through `writeLocal`: they work
 * offline, queue in the outbox and sync like any edit. Only the fields that
 * change are written, so a coordinator's assignment and a later re-import of
 * the boundaries (which writes key/name/population/geometry only) never
 * overwrite each other; two coordinators editing the same field settle by
 * last-writer-wins per field. The server refuses these writes from other roles.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { newId, type Directorate, type TerritorialUnit } from '../../domain';
import type { TequioDb } from './db';
import { toView } from './entities.repository';
import { changedFields, writeLocal } from './records.repository';

export type UnitView = TerritorialUnit & { id: string };
export type DirectorateView = Directorate & { id: string };

export async function listUnits(db: TequioDb): Promise<UnitView[]> {
  const rows = await db.units.filter((r) => !r.deleted).toArray();
  return rows.map((r) => toView<TerritorialUnit>(r)).sort((a, b) => a.key.localeCompare(b.key));
}

/** The units with these keys, in the order given; keys this device does not know are left out. */
export async function listUnitsByKeys(db: TequioDb, keys: readonly string[]): Promise<UnitView[]> {
  const rows = await db.units
    .where('fields.key')
    .anyOf([...keys])
    .toArray();
  const byKey = new Map(
    rows.filter((r) => !r.deleted).map((r) => [r.fields.key as string, toView<TerritorialUnit>(r)]),
  );
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

export async function listDirectorates(db: TequioDb): Promise<DirectorateView[]> {
  const rows = await db.directorates.filter((r) => !r.deleted).toArray();
  return rows.map((r) => toView<Directorate>(r)).sort((a, b) => a.number - b.number);
}

/** Creates a directorate (validated against the shared schema); returns its id. */
export async function createDirectorate(db: TequioDb, input: Directorate): Promise<string> {
  const id = newId();
  await writeLocal(db, 'directorate', id, { op: 'put', fields: { name: input.name, number: input.number } });
  return id;
}

/** Renames or renumbers a directorate; only the changed fields travel. */
export async function updateDirectorate(
  db: TequioDb,
  id: string,
  patch: Partial<Directorate>,
): Promise<void> {
  const current = await db.directorates.get(id);
  const fields = changedFields(current?.fields ?? {}, patch);
  if (Object.keys(fields).length === 0) return;
  await writeLocal(db, 'directorate', id, { op: 'put', fields }, { mustExist: true });
}

/**
 * Puts units in a directorate (or takes them out with `null`). Units already
 * there are skipped, so nothing is queued for them. One write per unit, each
 * in its own transaction: a failure part-way leaves the earlier ones done,
 * which is harmless because the operation can simply be repeated.
 */
export async function assignUnitsToDirectorate(
  db: TequioDb,
  unitIds: readonly string[],
  directorateId: string | null,
): Promise<number> {
  let changed = 0;
  for (const id of unitIds) {
    const current = await db.units.get(id);
    const fields = changedFields(current?.fields ?? {}, { directorateId });
    if (Object.keys(fields).length === 0) continue;
    await writeLocal(db, 'territorialUnit', id, { op: 'put', fields }, { mustExist: true });
    changed++;
  }
  return changed;
}

export async function setUnitPrioritised(db: TequioDb, unitId: string, prioritised: boolean): Promise<void> {
  const current = await db.units.get(unitId);
  if (current?.fields.prioritised === prioritised && !current.deleted) return;
  await writeLocal(
    db,
    'territorialUnit',
    unitId,
    { op: 'put', fields: { prioritised } },
    { mustExist: true },
  );
}

/** The default names of the borough's thirteen directorates. */
export function defaultDirectorates(): Directorate[] {
  return Array.from({ length: 13 }, (_, i) => ({ name: `Dirección Territorial ${i + 1}`, number: i + 1 }));
}

/** Creates Dirección Territorial 1…13 when the device holds no directorate yet; returns how many it created. */
export async function createDefaultDirectorates(db: TequioDb): Promise<number> {
  if ((await listDirectorates(db)).length > 0) return 0;
  for (const d of defaultDirectorates()) await createDirectorate(db, d);
  return 13;
}

export function createTerritoryHooks(getDb: () => TequioDb) {
  return {
    /** All units, by key (undefined while loading). */
    useUnits(): UnitView[] | undefined {
      return useLiveQuery(() => listUnits(getDb()), []);
    },
    useUnitsByKeys(keys: readonly string[]): UnitView[] | undefined {
      const dep = keys.join(',');
      return useLiveQuery(() => listUnitsByKeys(getDb(), dep ? dep.split(',') : []), [dep]);
    },
    useDirectorates(): DirectorateView[] | undefined {
      return useLiveQuery(() => listDirectorates(getDb()), []);
    },
  };
}
