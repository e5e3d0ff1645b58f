/** Shapes the session form starts from, and what an edit actually changed. */
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

/** JSON with sorted keys, so two equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const FIELDS = [
  'processId',
  'type',
  'title',
  'date',
  'place',
  'location',
  'facilitators',
  'attendance',
  'agreements',
  'notes',
  'photos',
] as const;

/** Absent optional fields compare as their empty value, so opening and saving a form changes nothing. */
function comparable(values: SessionFormValues | Session, name: (typeof FIELDS)[number]): unknown {
  if (name === 'notes') return values.notes ?? '';
  if (name === 'photos') return values.photos ?? [];
  if (name === 'location') return values.location ?? null;
  return values[name];
}

/**
 * The top-level fields that differ between what the form started from and
 * what it saves. Only those are sent, so an edit never overwrites (by a
 * newer stamp) a field someone else changed meanwhile.
 */
export function changedFields(before: SessionFormValues, after: Session): Partial<Session> {
  const patch: Partial<Record<keyof Session, unknown>> = {};
  for (const name of FIELDS) {
    if (canonical(comparable(before, name)) !== canonical(comparable(after, name))) patch[name] = after[name];
  }
  return patch as Partial<Session>;
}
