/** Shapes the session form starts from (an edit writes what changed from them: `changedFields`). */
import type { z } from 'zod';
import {
  emptyAttendance,
  newId,
  type Agreement,
  type Session,
  type SessionType,
  type sessionSchema,
} from '../../../domain';
import { todayIsoDate } from '../../ui/format';

export type SessionFormValues = z.input<typeof sessionSchema>;

/**
 * A new session for `processId`, dated today and led by the signed-in
 * facilitator. With a previous session of the process, its type, place and
 * map point are the likeliest (the same assembly, the same plaza); without
 * one, the type starts empty on purpose so the facilitator picks it (the
 * schema refuses an empty choice).
 */
export function newSessionValues(
  processId: string,
  facilitator: string | undefined,
  previous?: Pick<Session, 'type' | 'place' | 'location'>,
): SessionFormValues {
  return {
    processId,
    type: previous?.type ?? ('' as SessionType),
    title: '',
    date: todayIsoDate(),
    place: previous?.place ?? '',
    location: previous?.location ?? null,
    facilitators: [facilitator ?? ''],
    attendance: emptyAttendance(),
    agreements: [],
    notes: '',
    photos: [],
  };
}

export function newAgreement(): Agreement {
  return { id: newId(), text: '', responsible: '', dueDate: undefined, status: 'pending' };
}

/** A stored session as form values (optional text as '' so inputs stay controlled). */
export function sessionToFormValues(session: Session): SessionFormValues {
  return {
    processId: session.processId,
    type: session.type,
    title: session.title,
    date: session.date,
    place: session.place,
    location: session.location ? { ...session.location } : null,
    facilitators: [...session.facilitators],
    attendance: structuredClone(session.attendance),
    agreements: session.agreements.map((a) => ({ ...a })),
    notes: session.notes ?? '',
    photos: (session.photos ?? []).map((p) => ({ ...p })),
  };
}
