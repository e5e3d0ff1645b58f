/**
 * The vision for screens (vision.repository.ts): live reads of a process's
 * (or a session's) statements and the writes, all on the device.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './current-db';
import { boundCommand, liveRead } from './device-bindings';
import * as vision from './vision.repository';

export type { VisionView } from './vision.repository';

/** The process's statements by thematic area (undefined while loading). */
export const useVisions = liveRead(vision.listVisions);

/** The statements recorded in a session of the process. */
export function useSessionVisions(processId: string, sessionId: string): vision.VisionView[] | undefined {
  return useLiveQuery(() => vision.listSessionVisions(getDb(), processId, sessionId), [processId, sessionId]);
}

/** One statement; null when it does not exist on this device (or was deleted). */
export const useVision = liveRead(vision.getVision);

export const createVision = boundCommand(vision.createVision);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateVision = boundCommand(vision.updateVision);
export const deleteVision = boundCommand(vision.deleteVision);
