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
import type { Directorate, TerritorialUnit } from '../../domain';
import type { TequioDb } from './db';
import { createLocal, editLocal, liveViews, type EditOptions, type View } from './records.repository';

export type UnitView = View<TerritorialUnit>;
export type DirectorateView = View<Directorate>;

export async function listUnits(db: TequioDb): Promise<UnitView[]> {
  return liveViews(await db.units.toArray()).sort((a, b) => a.key.localeCompare(b.key));
}

/** The units with these keys, in the order given; keys this device does not know are left out. */
export async function listUnitsByKeys(db: TequioDb, keys: readonly string[]): Promise<UnitView[]> {
  const rows = await db.units
    .where('fields.key')
    .anyOf([...keys])
    .toArray();
  const byKey = new Map(liveViews(rows).map((unit) => [unit.key, unit]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

export async function listDirectorates(db: TequioDb): Promise<DirectorateView[]> {
  return liveViews(await db.directorates.toArray()).sort((a, b) => a.number - b.number);
}

/** Creates a directorate (validated against the shared schema); returns its id. */
export async function createDirectorate(db: TequioDb, input: Directorate): Promise<string> {
  return createLocal(db, 'directorate', { name: input.name, number: input.number });
}

/** Renames or renumbers a directorate; only the changed fields travel (see `EditOptions`). */
export async function updateDirectorate(
  db: TequioDb,
  id: string,
  patch: Partial<Directorate>,
  options?: EditOptions,
): Promise<void> {
  await editLocal(db, 'directorate', id, patch, options);
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
    if (await editLocal(db, 'territorialUnit', id, { directorateId })) changed++;
  }
  return changed;
}

export async function setUnitPrioritised(db: TequioDb, unitId: string, prioritised: boolean): Promise<void> {
  await editLocal(db, 'territorialUnit', unitId, { prioritised });
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
