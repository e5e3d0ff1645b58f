/**
 * A tour note: what a promoter saw at a point of a territorial tour (a
 * clandestine dump, a dark street…), with its thematic area, severity and
 * photos. Notes are the evidence the self-diagnosis starts from.
 */
import { z } from 'zod';
import { blobRefSchema } from './blob-ref';
import { thematicAreaSchema } from './problem';
import { geoPointSchema } from './session';

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const tourNoteSchema = z.object({
  processId: z.uuid(),
  /** The tour (a session of type territorial_tour) it was taken on. */
  sessionId: z.uuid(),
  theme: thematicAreaSchema,
  description: z.string().trim().min(3).max(2000),
  severity: severitySchema,
  location: geoPointSchema.nullish(),
  /** Accuracy of the position in metres, when it came from GPS. */
  accuracy: z.number().min(0).max(100_000).nullish(),
  /** How the position was obtained. */
  locationSource: z.enum(['gps', 'map', 'none']).optional(),
  takenAt: z.iso.datetime(),
  photos: z.array(blobRefSchema).max(10).optional(),
});
export type TourNote = z.infer<typeof tourNoteSchema>;
