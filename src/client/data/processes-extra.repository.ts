/**
 * Process routines beyond plain edits: stage transitions, agreement
 * follow-up and the names of team members.
 *
 * Offline: everything here writes the device's own database; only
 * `listTeamCandidates` needs the network (coordinators picking a team), and
 * every name it returns is remembered in `meta` so the team shows by name
 * offline later. Under conflict: a transition writes `stage` and
 * `stageHistory` in one update and a follow-up writes the earlier session's
 * whole `agreements` field; both merge last-writer-wins per field like any edit.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Agreement, Process, Session, StageEntry, UserSummary } from '../../domain';
import { applyStageEntry } from '../../domain/process-stages';
import type { TequioDb } from './db';
import { listSessions, updateProcess, updateSession } from './entities.repository';
import { NotFoundError } from './errors';
import { listUsers } from './devices.repository';

/** Not one of the typed meta keys: a plain cache row that nothing else reads. */
const USER_NAMES_KEY = 'userNames';

export type UserNames = Record<string, string>;

/** An agreement still open (pending or in progress), with the session where it was made. */
export interface OpenAgreement {
  agreement: Agreement;
  sessionId: string;
  sessionTitle: string;
  sessionDate: string;
}

async function readUserNames(db: TequioDb): Promise<UserNames> {
  const row = await db.meta.get(USER_NAMES_KEY);
  const cached = (row?.value as UserNames | undefined) ?? {};
  const account = await db.getMeta('account');
  return account ? { ...cached, [account.user.id]: account.user.displayName } : cached;
}

/** Adds these users' names to the device's cache (kept across sign-ins; names are not secret to the team). */
export async function rememberUserNames(
  db: TequioDb,
  users: readonly Pick<UserSummary, 'id' | 'displayName'>[],
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(USER_NAMES_KEY);
    const names = { ...((row?.value as UserNames | undefined) ?? {}) };
    for (const user of users) names[user.id] = user.displayName;
    await db.meta.put({ key: USER_NAMES_KEY, value: names });
  });
}

/** Accounts a coordinator can put on a team (needs the network); their names are remembered. */
export async function listTeamCandidates(db: TequioDb): Promise<UserSummary[]> {
  const users = await listUsers(db);
  await rememberUserNames(db, users);
  return users;
}

/**
 * Records that the process reached `entry.stage` (forward, or back with a
 * note), checked by the domain's stage rules against this device's sessions
 * of the process. Throws StageTransitionError when refused.
 */
export async function recordStageEntry(db: TequioDb, processId: string, entry: StageEntry): Promise<void> {
  const row = await db.processes.get(processId);
  if (!row || row.deleted) throw new NotFoundError('process', processId);
  const process = row.fields as Process;
  const sessionIds = (await listSessions(db, processId)).map((s) => s.id);
  await updateProcess(db, processId, applyStageEntry(process, entry, sessionIds));
}

/** Open agreements of the process's sessions, oldest due first (no due date last). */
export async function listOpenAgreements(db: TequioDb, processId: string): Promise<OpenAgreement[]> {
  const open: OpenAgreement[] = [];
  for (const session of await listSessions(db, processId)) {
    for (const agreement of session.agreements) {
      if (agreement.status === 'pending' || agreement.status === 'in_progress')
        open.push({
          agreement,
          sessionId: session.id,
          sessionTitle: session.title,
          sessionDate: session.date,
        });
    }
  }
  const due = (a: OpenAgreement) => a.agreement.dueDate ?? '9999-12-31';
  return open.sort((a, b) => due(a).localeCompare(due(b)) || a.sessionDate.localeCompare(b.sessionDate));
}

/** Follow-up: changes one agreement's status in the session where it was made. */
export async function setAgreementStatus(
  db: TequioDb,
  sessionId: string,
  agreementId: string,
  status: Agreement['status'],
): Promise<void> {
  const row = await db.sessions.get(sessionId);
  if (!row || row.deleted) throw new NotFoundError('session', sessionId);
  const session = row.fields as Session;
  if (!session.agreements.some((a) => a.id === agreementId))
    throw new NotFoundError('agreement', agreementId);
  const agreements = session.agreements.map((a) => (a.id === agreementId ? { ...a, status } : a));
  await updateSession(db, sessionId, { agreements });
}

export function createProcessExtraHooks(getDb: () => TequioDb) {
  return {
    /** Names by user id this device knows (its own account always included). */
    useUserNames(): UserNames | undefined {
      return useLiveQuery(() => readUserNames(getDb()), []);
    },
    useOpenAgreements(processId: string): OpenAgreement[] | undefined {
      return useLiveQuery(() => listOpenAgreements(getDb(), processId), [processId]);
    },
  };
}
