/**
 * Sessions of a process on the device, and the follow-up of the agreements
 * made in them. Every write is a local write (record + outbox in one
 * transaction, records.repository.ts) that syncs like any edit.
 *
 * Under conflict: an edit writes only the fields it changes, so concurrent
 * edits of other fields survive; a follow-up writes the session's whole
 * `agreements` field, settled last-writer-wins like any field.
 */
import type { Agreement, Session } from '../../domain';
import type { TequioDb } from './db';
import { NotFoundError } from './errors';
import * as records from './records.repository';

export type SessionView = records.View<Session>;

/** An agreement still open (pending or in progress), with the session where it was made. */
export interface OpenAgreement {
  agreement: Agreement;
  sessionId: string;
  sessionTitle: string;
  sessionDate: string;
}

/** Records a session of a process; returns its id. Throws ValidationError (nothing written). */
export function createSession(db: TequioDb, input: Session): Promise<string> {
  return records.createLocal(db, 'session', input);
}

/** Edits a session; only the fields that changed are written, see `EditOptions`. */
export function updateSession(
  db: TequioDb,
  id: string,
  patch: Partial<Session>,
  options?: records.EditOptions,
) {
  return records.editLocal(db, 'session', id, patch, options);
}

/** Deletes a session (a tombstone that syncs like any edit). */
export function deleteSession(db: TequioDb, id: string): Promise<void> {
  return records.deleteLocal(db, 'session', id);
}

/** The process's sessions, newest first. */
export async function listSessions(db: TequioDb, processId: string): Promise<SessionView[]> {
  const rows = await db.sessions.where('fields.processId').equals(processId).toArray();
  return records
    .liveViews(rows)
    .sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

export function getSession(db: TequioDb, id: string): Promise<SessionView | null> {
  return records.getLive(db, 'session', id);
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
  const session = await records.requireLive(db, 'session', sessionId);
  if (!session.agreements.some((a) => a.id === agreementId))
    throw new NotFoundError('agreement', agreementId);
  const agreements = session.agreements.map((a) => (a.id === agreementId ? { ...a, status } : a));
  await updateSession(db, sessionId, { agreements });
}
