/**
 * The vision (*construcción de imaginarios*, stage 6): statements of the
 * neighbourhood the community wants, each in one of the 12 thematic areas,
 * recorded in the session where they were made, optionally answering
 * prioritised problems, with photos of the murals, maps and drawings made there.
 */
import { z } from 'zod';
import { refuseRepeats } from './refuse-repeats';
import { blobRefSchema } from './blob-ref';
import { thematicAreaSchema } from './problem';

export const visionStatementSchema = z
  .object({
    processId: z.uuid(),
    /** The session (a planning workshop, a mural…) where it was stated. */
    sessionId: z.uuid(),
    text: z.string().trim().min(3).max(2000),
    theme: thematicAreaSchema,
    /** Prioritised problems (ids) the statement answers. */
    problemIds: z.array(z.uuid()).max(100).optional(),
    /** Photos of murals, maps and drawings, by hash; the bytes travel separately (blob upload). */
    photos: z.array(blobRefSchema).max(20).optional(),
  })
  .superRefine((v, ctx) => {
    refuseRepeats(ctx, v.problemIds ?? [], 'problemIds', 'Un problema aparece dos veces');
  });
export type VisionStatement = z.infer<typeof visionStatementSchema>;
