/**
 * The Local Agenda for screens (agenda.repository.ts): live reads of a
 * process's versions and the projects to choose from, and the writes
 * (assemble a draft, assemble it again), all on the device.
 */
import * as agenda from './agenda.repository';
import { getDb } from './current-db';
import { liveRead } from './device-bindings';

export type { AgendaProjectChoice, AgendaVersionView, AssembleInput } from './agenda.repository';
export { AgendaFrozenError } from './agenda.repository';

/** The process's versions, newest first (undefined while loading). */
export const useAgendaVersions = liveRead(agenda.listAgendaVersions);

/** One version; null when this device does not hold it. */
export const useAgendaVersion = liveRead(agenda.getAgendaVersion);

/** The process's projects and actions in the community's order, to choose which go in. */
export const useAgendaProjectChoices = liveRead(agenda.listAgendaProjectChoices);

/** Assembles the Agenda from what the device holds into a new draft; returns its id. */
export const createAgendaDraft = (processId: string, input: agenda.AssembleInput) =>
  agenda.createAgendaDraft(getDb(), processId, input);
/** Assembles a draft again (throws AgendaFrozenError for a validated version). */
export const reassembleAgendaDraft = (versionId: string, input: agenda.AssembleInput) =>
  agenda.reassembleAgendaDraft(getDb(), versionId, input);
