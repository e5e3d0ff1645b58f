/**
 * Sessions for screens (sessions.repository.ts): live reads, the writes and
 * the follow-up of agreements, all on the device.
 */
import type { Agreement, Session } from '../../domain';
import { getDb } from './current-db';
import type { EditOptions } from './records.repository';
import * as sessions from './sessions.repository';
import { useDeviceRead } from './use-device-read';

export type { OpenAgreement, SessionView } from './sessions.repository';

/** The process's sessions, newest first (undefined while loading). */
export function useSessions(processId: string): sessions.SessionView[] | undefined {
  return useDeviceRead(sessions.listSessions, processId);
}

/** One session; null when this device does not hold it (or it was deleted). */
export function useSession(id: string): sessions.SessionView | null | undefined {
  return useDeviceRead(sessions.getSession, id);
}

/** Open agreements of the process's sessions, oldest due first. */
export function useOpenAgreements(processId: string): sessions.OpenAgreement[] | undefined {
  return useDeviceRead(sessions.listOpenAgreements, processId);
}

export const createSession = (input: Session) => sessions.createSession(getDb(), input);
/** A form passes what it changed (`changedFields`) with `{ diffed: true }`; see `EditOptions`. */
export const updateSession = (id: string, patch: Partial<Session>, options?: EditOptions) =>
  sessions.updateSession(getDb(), id, patch, options);
export const deleteSession = (id: string) => sessions.deleteSession(getDb(), id);
export const setAgreementStatus = (sessionId: string, agreementId: string, status: Agreement['status']) =>
  sessions.setAgreementStatus(getDb(), sessionId, agreementId, status);
