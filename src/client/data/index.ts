/**
 * The data API the UI builds on: hooks to read, functions to write. All of
 * them work on the device's own database; none waits for the network except
 * signing in and first-run setup.
 */
import type { Agreement, Directorate, EntityName, Process, Session, StageEntry } from '../../domain';
import { getDb } from './current-db';
import * as entities from './entities.repository';
import * as account from './account.repository';
import { createHooks } from './hooks';
import { storePhotoMakingRoom } from './blob-eviction';
import * as devices from './devices.repository';
import * as storage from './storage';
import * as unsyncedExport from './unsynced-export';
import * as unsyncedImport from './unsynced-import';
import * as conflicts from './conflicts.repository';
import * as processesExtra from './processes-extra.repository';
import * as territory from './territory.repository';
import * as territoryImport from './territory-import';

export type { Account, RejectedChange } from './db';
export type { ProcessView, SessionView, ProcessInput } from './entities.repository';
export { ValidationError, NotFoundError } from './errors';
export { StorageFullError, UnsupportedBlobError } from './blobs.repository';
export { ApiError } from '../net/api-client';
export type { DeviceView, ImportReport, ImportRejection, UserSummary } from '../../domain';
export type { StorageInfo, StorageRisk } from './storage';
export { storageRisks, STORAGE_THRESHOLDS } from './storage';
export { ImportFileError, type ImportFileProblem } from './unsynced-import';
export type { ConflictKind, ConflictView } from './conflicts.repository';

export { getDb, setDb } from './current-db';

const hooks = createHooks(getDb);
export const {
  useProcesses,
  useProcess,
  useSessions,
  useSession,
  usePendingCount,
  useRejectedChanges,
  useAccount,
  useLastSyncAt,
} = hooks;

export const createProcess = (input: entities.ProcessInput) => entities.createProcess(getDb(), input);
export const updateProcess = (id: string, patch: Partial<Process>) =>
  entities.updateProcess(getDb(), id, patch);
export const createSession = (input: Session) => entities.createSession(getDb(), input);
export const updateSession = (id: string, patch: Partial<Session>) =>
  entities.updateSession(getDb(), id, patch);
export const deleteSession = (id: string) => entities.deleteSession(getDb(), id);

export const signIn = (input: { username: string; password: string }) => account.signIn(getDb(), input);
export const signOut = () => account.signOut(getDb());
export const completeSetup = (input: {
  code: string;
  username: string;
  displayName: string;
  password: string;
}) => account.completeSetup(getDb(), input);
export const getSetupStatus = () => account.accountApi(getDb()).setupStatus();

export const { useStorageInfo } = storage.createStorageHooks(getDb);
/** Asks once for persistent storage (after sign-in); the answer is remembered. */
export const requestPersistentStorage = () => storage.requestPersistentStorage(getDb());
/** The "everything not yet synced" file: `{ fileName, json }` to download. */
export const exportUnsynced = () => unsyncedExport.exportUnsyncedJson(getDb());
/** Coordinators: applies a device's unsynced-changes file on the server (needs the network). */
export const importUnsyncedFile = (file: Blob) => unsyncedImport.importUnsyncedFile(getDb(), file);
/** Coordinators: imports neighbourhood units from a GeoJSON file on the server (needs the network). */
export const importTerritory = (file: File) => territoryImport.importTerritoryFile(getDb(), file);
export type { TerritoryImportReport } from '../../domain';

// Coordinators' device management: these need the network (ApiError `network` offline).
export const listUsers = () => devices.listUsers(getDb());
export const listUserDevices = (userId: string) => devices.listUserDevices(getDb(), userId);
export const revokeDevice = (deviceId: string) => devices.revokeDevice(getDb(), deviceId);

// Deletes and edits that crossed each other (shown on the sync page).
export const { useConflicts } = conflicts.createConflictHooks(getDb);
export const dismissConflict = (key: number) => conflicts.dismissConflict(getDb(), key);
/** Brings a deleted record back (an edit that syncs), with the edits its tombstone was hiding. */
export const restoreDeletedRecord = (entity: EntityName, id: string) =>
  conflicts.restoreDeletedRecord(getDb(), entity, id);

/**
 * Photos: downscaled and stored on the device (the same photo twice is one
 * copy); the returned reference goes into the record, the bytes upload on
 * the next sync. When the device is full, confirmed copies are freed first
 * (blob-eviction.ts). Throws StorageFullError / UnsupportedBlobError.
 */
export const storePhoto = (file: Blob) => storePhotoMakingRoom(getDb(), file);
/** A photo to show (the device's copy, else the server's), and the copies freed to make room. */
export { usePhoto, useEvictedBlobs, type PhotoView } from './use-blobs';

// Territory: units and directorates (reference data every device holds). Coordinators' edits are local writes that sync.
export type { UnitView, DirectorateView } from './territory.repository';
export const { useUnits, useUnitsByKeys, useDirectorates } = territory.createTerritoryHooks(getDb);
export const createDirectorate = (input: Directorate) => territory.createDirectorate(getDb(), input);
export const updateDirectorate = (id: string, patch: Partial<Directorate>) =>
  territory.updateDirectorate(getDb(), id, patch);
/** Creates Dirección Territorial 1…13 when none exist yet (returns how many it created). */
export const createDefaultDirectorates = () => territory.createDefaultDirectorates(getDb());
export const assignUnitsToDirectorate = (unitIds: readonly string[], directorateId: string | null) =>
  territory.assignUnitsToDirectorate(getDb(), unitIds, directorateId);
export const setUnitPrioritised = (unitId: string, prioritised: boolean) =>
  territory.setUnitPrioritised(getDb(), unitId, prioritised);

// Process routines: stage transitions, agreement follow-up, team names (processes-extra.repository.ts).
export type { OpenAgreement, UserNames } from './processes-extra.repository';
export { StageTransitionError, type StageProblem } from '../../domain/process-stages';
export const { useUserNames, useOpenAgreements } = processesExtra.createProcessExtraHooks(getDb);
/** Coordinators: accounts to put on a team (needs the network); names are kept for offline use. */
export const listTeamCandidates = () => processesExtra.listTeamCandidates(getDb());
export const recordStageEntry = (processId: string, entry: StageEntry) =>
  processesExtra.recordStageEntry(getDb(), processId, entry);
export const setAgreementStatus = (sessionId: string, agreementId: string, status: Agreement['status']) =>
  processesExtra.setAgreementStatus(getDb(), sessionId, agreementId, status);

// Self-diagnosis (problems), prioritisation (rounds, ballots, results) and rubrics.
export * from './self-diagnosis';
export * from './prioritisation';
export * from './rubrics';

// Territorial tours: tracks, tour notes, offline map packs and exports.
export * from './tours';
export * from './tour-notes';
export * from './map-packs';
export * from './tour-exports';
