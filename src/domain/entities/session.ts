/** A session: the unit of fieldwork (an assembly, a workshop, a tour…), with aggregated attendance and agreements. */
import { z } from 'zod';
import { blobRefSchema } from './blob-ref';

export const SESSION_TYPES = [
  'community_assembly',
  'planning_workshop',
  'territorial_tour',
  'mural_painting',
  'tequio_workshop',
  'children_workshop',
  'historical_memory_day',
  'radio_bocina',
  'virtual_session',
  'follow_up_meeting',
] as const;
export const sessionTypeSchema = z.enum(SESSION_TYPES);
export type SessionType = z.infer<typeof sessionTypeSchema>;

export const GENDERS = ['women', 'men', 'nonBinary', 'notStated'] as const;
export const AGE_GROUPS = ['children', 'adolescents', 'youth', 'adults', 'olderAdults'] as const;
export type Gender = (typeof GENDERS)[number];
export type AgeGroup = (typeof AGE_GROUPS)[number];

const count = z.number().int().min(0).max(100_000);
const ageCounts = z.object({
  children: count,
  adolescents: count,
  youth: count,
  adults: count,
  olderAdults: count,
});

export const attendanceSchema = z.object({
  counts: z.object({ women: ageCounts, men: ageCounts, nonBinary: ageCounts, notStated: ageCounts }),
  indigenous: count,
  disability: count,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export function emptyAttendance(): Attendance {
  const row = () => ({ children: 0, adolescents: 0, youth: 0, adults: 0, olderAdults: 0 });
  return {
    counts: { women: row(), men: row(), nonBinary: row(), notStated: row() },
    indigenous: 0,
    disability: 0,
  };
}

export function attendanceTotal(attendance: Attendance): number {
  let total = 0;
  for (const g of GENDERS) for (const a of AGE_GROUPS) total += attendance.counts[g][a];
  return total;
}

export const isoDateSchema = z.iso.date();

export const geoPointSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type GeoPoint = z.infer<typeof geoPointSchema>;

export const AGREEMENT_STATUSES = ['pending', 'in_progress', 'done', 'cancelled'] as const;

export const agreementSchema = z.object({
  id: z.string().min(1).max(64),
  text: z.string().trim().min(3).max(1000),
  responsible: z.string().trim().min(2).max(200),
  dueDate: isoDateSchema.optional(),
  status: z.enum(AGREEMENT_STATUSES),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const sessionSchema = z
  .object({
    processId: z.uuid(),
    type: sessionTypeSchema,
    title: z.string().trim().min(3).max(200),
    date: isoDateSchema,
    place: z.string().trim().min(2).max(300),
    facilitators: z.array(z.string().trim().min(2).max(120)).min(1).max(20),
    attendance: attendanceSchema,
    agreements: z.array(agreementSchema).max(200),
    notes: z.string().max(20_000).nullish(),
    /** Optional map point of the place (WGS 84). */
    location: geoPointSchema.nullish(),
    /** Photos of the session, by hash; the bytes travel separately (blob upload). */
    photos: z.array(blobRefSchema).max(20).optional(),
  })
  .superRefine((s, ctx) => {
    const total = attendanceTotal(s.attendance);
    for (const key of ['indigenous', 'disability'] as const) {
      if (s.attendance[key] > total) {
        ctx.addIssue({
          code: 'custom',
          path: ['attendance', key],
          message: 'No puede ser mayor que el total de asistentes',
          params: { i18n: 'errors.subsetExceedsTotal' },
        });
      }
    }
  });
export type Session = z.infer<typeof sessionSchema>;
