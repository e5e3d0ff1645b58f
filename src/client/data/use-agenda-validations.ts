/**
 * The Agenda's validation in assembly for screens (agenda-validations.repository.ts):
 * live reads of the validations and the write that records the assembly's vote.
 */
import * as validations from './agenda-validations.repository';
import { getDb } from './current-db';
import { boundCommand, liveRead } from './device-bindings';

export type {
  AgendaBallotSummary,
  AgendaValidationView,
  ValidationInput,
} from './agenda-validations.repository';
export { BallotNotReadyError, ValidationRefusedError } from './agenda-validations.repository';

/** The standing validation of a version (corrections applied), or null. */
export const useVersionValidation = liveRead(validations.getVersionValidation);

/** Every validation record of the process. */
export const useAgendaValidations = liveRead(validations.listAgendaValidations);

/** The validations recorded in one session, oldest first (for its minutes). */
export const useSessionValidations = liveRead(validations.listSessionValidations);

/** Records the show of hands; an approval validates the version and moves the process to stage 9. */
export const recordAgendaValidation = (input: validations.ValidationInput) =>
  validations.recordAgendaValidation(getDb(), input);

/** The session's Agenda votes by pass-the-tablet ballot, with their counts. */
export const useSessionAgendaBallots = liveRead(validations.listSessionAgendaBallots);

/** Opens the pass-the-tablet vote on a version; returns the round's id. */
export const startAgendaBallot = boundCommand(validations.startAgendaBallot);

/** Records the result of a closed Agenda vote, like the show of hands. */
export const recordBallotValidation = (roundId: string) =>
  validations.recordBallotValidation(getDb(), { roundId });
