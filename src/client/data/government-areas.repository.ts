/**
 * The borough's government areas on this device: reference data kept by the
 * Planning Unit's coordinators (every device pulls all of it). Their edits are
 * ordinary local writes through `writeLocal`: they work offline, queue in the
 * outbox and sync like any edit; the server refuses them from other roles.
 * Only the fields that change are written, so two coordinators renaming and
 * retiring the same area both keep their edit; the same field is settled
 * last-writer-wins. An area is never deleted, only made inactive, so the
 * projects that name it keep their meaning.
 */
import type { GovernmentArea } from '../../domain';
import type { TequioDb } from './db';
import {
  createLocal,
  editLocal,
  getLive,
  liveViews,
  type EditOptions,
  type View,
} from './records.repository';

export type GovernmentAreaView = View<GovernmentArea>;

/** A new area starts active. */
export type GovernmentAreaInput = Omit<GovernmentArea, 'active'>;

/** Every area, active or not, by name. */
export async function listGovernmentAreas(db: TequioDb): Promise<GovernmentAreaView[]> {
  return liveViews(await db.governmentAreas.toArray()).sort(
    (a, b) => a.name.localeCompare(b.name, 'es') || a.id.localeCompare(b.id),
  );
}

/** The areas a new project may name, by name. */
export async function listActiveGovernmentAreas(db: TequioDb): Promise<GovernmentAreaView[]> {
  return (await listGovernmentAreas(db)).filter((a) => a.active);
}

export function getGovernmentArea(db: TequioDb, id: string): Promise<GovernmentAreaView | null> {
  return getLive(db, 'governmentArea', id);
}

/** Adds an active area; returns its id. Throws ValidationError (nothing written). */
export async function createGovernmentArea(db: TequioDb, input: GovernmentAreaInput): Promise<string> {
  return createLocal(db, 'governmentArea', { name: input.name, shortName: input.shortName, active: true });
}

/** Renames an area (or changes `active`); only the changed fields travel (see `EditOptions`). */
export async function updateGovernmentArea(
  db: TequioDb,
  id: string,
  patch: Partial<GovernmentArea>,
  options?: EditOptions,
): Promise<void> {
  await editLocal(db, 'governmentArea', id, patch, options);
}

/** Retires an area (`active: false`) or brings it back; projects that name it keep it. */
export async function setGovernmentAreaActive(db: TequioDb, id: string, active: boolean): Promise<void> {
  await editLocal(db, 'governmentArea', id, { active });
}
