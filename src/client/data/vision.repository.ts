/**
 * The vision of a process (*construcción de imaginarios*, stage 6): the
 * statements of the neighbourhood the community wants, each recorded in a
 * session.
 *
 * Offline: every function writes the device's own database (record + outbox
 * entry in one transaction, through `writeLocal`). Under conflict: an edit
 * sends only the fields that changed, so two devices editing different
 * fields of a statement both keep their edit; the same field is settled
 * last-writer-wins like any record. A delete is a tombstone that syncs.
 */
import { THEMATIC_AREAS, type VisionStatement } from '../../domain';
import type { TequioDb } from './db';
import {
  createLocal,
  editLocal,
  getLive,
  liveViews,
  writeLocal,
  type EditOptions,
  type View,
} from './records.repository';

export type VisionView = View<VisionStatement>;

/** Records a vision statement; returns its id. Throws ValidationError (nothing written). */
export async function createVision(db: TequioDb, input: VisionStatement): Promise<string> {
  return createLocal(db, 'visionStatement', input);
}

/** Edits a statement; only the fields that changed are written (see `EditOptions`). */
export async function updateVision(
  db: TequioDb,
  id: string,
  patch: Partial<VisionStatement>,
  options?: EditOptions,
): Promise<void> {
  await editLocal(db, 'visionStatement', id, patch, options);
}

/** Deletes a statement (a tombstone that syncs like any edit). */
export async function deleteVision(db: TequioDb, id: string): Promise<void> {
  await writeLocal(db, 'visionStatement', id, { op: 'delete' }, { mustExist: true });
}

const themeOrder = (v: VisionView) => THEMATIC_AREAS.indexOf(v.theme);
const byThemeThenText = (a: VisionView, b: VisionView) =>
  themeOrder(a) - themeOrder(b) || a.text.localeCompare(b.text, 'es') || a.id.localeCompare(b.id);

/** The process's statements, by thematic area (in the programme's order), then text. */
export async function listVisions(db: TequioDb, processId: string): Promise<VisionView[]> {
  const rows = await db.visionStatements.where('fields.processId').equals(processId).toArray();
  return liveViews(rows).sort(byThemeThenText);
}

/** The statements recorded in one session, by thematic area, then text. */
export async function listSessionVisions(
  db: TequioDb,
  processId: string,
  sessionId: string,
): Promise<VisionView[]> {
  return (await listVisions(db, processId)).filter((v) => v.sessionId === sessionId);
}

export function getVision(db: TequioDb, id: string): Promise<VisionView | null> {
  return getLive(db, 'visionStatement', id);
}
