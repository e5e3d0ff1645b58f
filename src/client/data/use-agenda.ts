/**
 * The Local Agenda for screens (agenda.repository.ts): live reads of a
 * process's versions and validations, and the writes (assemble a draft,
 * assemble it again, record the assembly's vote), all on the device.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import * as agenda from './agenda.repository';
import { getDb } from './current-db';

export type {
  AgendaProjectChoice,
  AgendaValidationView,
  AgendaVersionView,
  AssembleInput,
  ValidationInput,
} from './agenda.repository';
export { AgendaFrozenError, ValidationRefusedError } from './agenda.repository';

/** The process's versions, newest first (undefined while loading). */
export function useAgendaVersions(processId: string): agenda.AgendaVersionView[] | undefined {
  return useLiveQuery(() => agenda.listAgendaVersions(getDb(), processId), [processId]);
}

/** One version; null when this device does not hold it. */
export function useAgendaVersion(id: string): agenda.AgendaVersionView | null | undefined {
  return useLiveQuery(() => agenda.getAgendaVersion(getDb(), id), [id]);
}

/** The standing validation of a version (corrections applied), or null. */
export function useVersionValidation(versionId: string): agenda.AgendaValidationView | null | undefined {
  return useLiveQuery(() => agenda.getVersionValidation(getDb(), versionId), [versionId]);
}

/** Every validation record of the process. */
export function useAgendaValidations(processId: string): agenda.AgendaValidationView[] | undefined {
  return useLiveQuery(() => agenda.listAgendaValidations(getDb(), processId), [processId]);
}

/** The validations recorded in one session, oldest first (for its minutes). */
export function useSessionValidations(sessionId: string): agenda.AgendaValidationView[] | undefined {
  return useLiveQuery(() => agenda.listSessionValidations(getDb(), sessionId), [sessionId]);
}

/** The process's projects and actions in the community's order, to choose which go in. */
export function useAgendaProjectChoices(processId: string): agenda.AgendaProjectChoice[] | undefined {
  return useLiveQuery(() => agenda.listAgendaProjectChoices(getDb(), processId), [processId]);
}

/** Assembles the Agenda from what the device holds into a new draft; returns its id. */
export const createAgendaDraft = (processId: string, input: agenda.AssembleInput) =>
  agenda.createAgendaDraft(getDb(), processId, input);
/** Assembles a draft again (throws AgendaFrozenError for a validated version). */
export const reassembleAgendaDraft = (versionId: string, input: agenda.AssembleInput) =>
  agenda.reassembleAgendaDraft(getDb(), versionId, input);
/** Records the show of hands; an approval validates the version and moves the process to stage 9. */
export const recordAgendaValidation = (input: agenda.ValidationInput) =>
  agenda.recordAgendaValidation(getDb(), input);
