/**
 * Sessions for screens (sessions.repository.ts): live reads, the writes and
 * the follow-up of agreements, all on the device.
 */
import { boundCommand, liveRead } from './device-bindings';
import * as sessions from './sessions.repository';

export type { OpenAgreement, SessionView } from './sessions.repository';

/** The process's sessions, newest first (undefined while loading). */
export const useSessions = liveRead(sessions.listSessions);

/** One session; null when this device does not hold it (or it was deleted). */
export const useSession = liveRead(sessions.getSession);

/** Open agreements of the process's sessions, oldest due first. */
export const useOpenAgreements = liveRead(sessions.listOpenAgreements);

export const createSession = boundCommand(sessions.createSession);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateSession = boundCommand(sessions.updateSession);
export const deleteSession = boundCommand(sessions.deleteSession);
export const setAgreementStatus = boundCommand(sessions.setAgreementStatus);
