/**
 * The Agenda's validation in assembly for screens (agenda-validations.repository.ts):
 * live reads of the validations and the write that records the assembly's vote.
 */
import * as validations from './agenda-validations.repository';
import { getDb } from './current-db';
import { useDeviceRead } from './use-device-read';

export type {
  AgendaBallotSummary,
  AgendaValidationView,
  ValidationInput,
} from './agenda-validations.repository';
export { BallotNotReadyError, ValidationRefusedError } from './agenda-validations.repository';

/** The standing validation of a version (corrections applied), or null. */
export function useVersionValidation(versionId: string): validations.AgendaValidationView | null | undefined {
  return useDeviceRead(validations.getVersionValidation, versionId);
}

/** Every validation record of the process. */
export function useAgendaValidations(processId: string): validations.AgendaValidationView[] | undefined {
  return useDeviceRead(validations.listAgendaValidations, processId);
}

/** The validations recorded in one session, oldest first (for its minutes). */
export function useSessionValidations(sessionId: string): validations.AgendaValidationView[] | undefined {
  return useDeviceRead(validations.listSessionValidations, sessionId);
}

/** Records the show of hands; an approval validates the version and moves the process to stage 9. */
export const recordAgendaValidation = (input: validations.ValidationInput) =>
  validations.recordAgendaValidation(getDb(), input);

/** The session's Agenda votes by pass-the-tablet ballot, with their counts. */
export function useSessionAgendaBallots(sessionId: string): validations.AgendaBallotSummary[] | undefined {
  return useDeviceRead(validations.listSessionAgendaBallots, sessionId);
}

/** Opens the pass-the-tablet vote on a version; returns the round's id. */
export const startAgendaBallot = (input: { sessionId: string; versionId: string; title?: string }) =>
  validations.startAgendaBallot(getDb(), input);

/** Records the result of a closed Agenda vote, like the show of hands. */
export const recordBallotValidation = (roundId: string) =>
  validations.recordBallotValidation(getDb(), { roundId });
