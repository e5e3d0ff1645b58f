/**
 * The vision for screens (vision.repository.ts): live reads of a process's
 * (or a session's) statements and the writes, all on the device.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { VisionStatement } from '../../domain';
import { getDb } from './current-db';
import type { EditOptions } from './records.repository';
import * as vision from './vision.repository';
import { useDeviceRead } from './use-device-read';

export type { VisionView } from './vision.repository';

/** The process's statements by thematic area (undefined while loading). */
export function useVisions(processId: string): vision.VisionView[] | undefined {
  return useDeviceRead(vision.listVisions, processId);
}

/** The statements recorded in a session of the process. */
export function useSessionVisions(processId: string, sessionId: string): vision.VisionView[] | undefined {
  return useLiveQuery(() => vision.listSessionVisions(getDb(), processId, sessionId), [processId, sessionId]);
}

/** One statement; null when it does not exist on this device (or was deleted). */
export function useVision(id: string): vision.VisionView | null | undefined {
  return useDeviceRead(vision.getVision, id);
}

export const createVision = (input: VisionStatement) => vision.createVision(getDb(), input);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateVision = (id: string, patch: Partial<VisionStatement>, options?: EditOptions) =>
  vision.updateVision(getDb(), id, patch, options);
export const deleteVision = (id: string) => vision.deleteVision(getDb(), id);
