/**
 * The "Registrar avance" form's values and rules: a dated text with photos
 * (some chosen for the public page) and an optional map point, and
 * optionally a new status (with its reason when it asks one) and the
 * progress set by hand. Messages in Spanish; the reason rule is the domain's
 * (`statusChangeProblems`).
 */
import { z } from 'zod';
import {
  blobRefSchema,
  geoPointSchema,
  isoDateSchema,
  statusChangeProblems,
  type StatusRecord,
} from '../../../domain';

export interface ProgressFormValues {
  date: string;
  text: string;
  statusId: string;
  statusReason: string;
  /** Text in the box ('' = unchanged). */
  progress: string;
  public: boolean;
  photos: z.infer<typeof blobRefSchema>[];
  publicPhotos: string[];
  point: z.infer<typeof geoPointSchema> | null;
}

export interface ProgressFormOutput extends Omit<ProgressFormValues, 'progress'> {
  progress: number | undefined;
}

/** The form's schema for a project now in `currentId`, among `statuses`. */
export function progressFormSchema(statuses: readonly StatusRecord[], currentId: string | undefined) {
  return z
    .object({
      date: isoDateSchema,
      text: z.string().trim().max(5000),
      statusId: z.string(),
      statusReason: z.string().trim().max(1000),
      progress: z
        .string()
        .trim()
        .refine((v) => v === '' || (/^\d{1,3}$/.test(v) && Number(v) <= 100), 'Escribe un número de 0 a 100')
        .transform((v) => (v === '' ? undefined : Number(v))),
      public: z.boolean(),
      photos: z.array(blobRefSchema).max(20),
      publicPhotos: z.array(z.string()),
      point: geoPointSchema.nullable(),
    })
    .superRefine((v, ctx) => {
      const changes = v.statusId !== '' && v.statusId !== currentId;
      if (changes) {
        const current = statuses.find((s) => s.id === currentId);
        const problems = statusChangeProblems(current, v.statusId, v.statusReason, statuses);
        if (problems.includes('reason_required'))
          ctx.addIssue({ code: 'custom', path: ['statusReason'], message: 'Escribe el motivo' });
      } else if (v.text.length < 3 && v.photos.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'Escribe qué avanzó o agrega una foto' });
      }
    });
}
