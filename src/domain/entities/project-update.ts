/**
 * One dated entry in a project's timeline (stage 10, follow-up): a milestone
 * recorded from the field (text, photos, an optional map point), a change of
 * status, or a commitment marked done. Read and written like its project: by
 * the process's team and the coordinators whose scope holds it. `public`
 * entries (and of their photos only those in `publicPhotos`) may be shown on
 * the process's public page.
 */
import { z } from 'zod';
import { blobRefSchema, sha256Schema } from './blob-ref';
import { geoPointSchema, isoDateSchema } from './session';

export const PROJECT_UPDATE_KINDS = ['milestone', 'status_change', 'commitment_done'] as const;
export type ProjectUpdateKind = (typeof PROJECT_UPDATE_KINDS)[number];
export const AUTHOR_ROLES = ['coordinator', 'facilitator', 'promoter', 'admin'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export const projectUpdateSchema = z
  .object({
    processId: z.uuid(),
    projectId: z.uuid(),
    date: isoDateSchema,
    text: z.string().trim().max(5000),
    kind: z.enum(PROJECT_UPDATE_KINDS),
    /** The status the project moved to (a status change). */
    statusId: z.uuid().optional(),
    /** The progress (0–100) the project had after it. */
    progress: z.number().min(0).max(100).optional(),
    /** The commitment marked done (in the project's `commitments`). */
    commitmentId: z.string().min(1).max(64).optional(),
    photos: z.array(blobRefSchema).max(20),
    point: geoPointSchema.optional(),
    authorRole: z.enum(AUTHOR_ROLES),
    /** Shown on the process's public page. */
    public: z.boolean(),
    /** Hashes of `photos` chosen for the public page. */
    publicPhotos: z.array(sha256Schema).max(20).optional(),
  })
  .superRefine((u, ctx) => {
    if (u.kind === 'milestone' && u.text.length < 3 && u.photos.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Escribe qué avanzó o agrega una foto' });
    }
    if (u.kind === 'status_change' && !u.statusId) {
      ctx.addIssue({ code: 'custom', path: ['statusId'], message: 'Elige el estado' });
    }
    if (u.kind === 'commitment_done' && !u.commitmentId) {
      ctx.addIssue({ code: 'custom', path: ['commitmentId'], message: 'Falta el compromiso' });
    }
    const hashes = new Set(u.photos.map((p) => p.sha256));
    if ((u.publicPhotos ?? []).some((h) => !hashes.has(h))) {
      ctx.addIssue({
        code: 'custom',
        path: ['publicPhotos'],
        message: 'Solo se publican fotos de este avance',
      });
    }
  });
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;
