/**
 * The statuses a project goes through in the follow-up (stage 10): proposed,
 * in management with the government, in progress, done — or cancelled or on
 * hold, with a reason. Reference data kept by the Planning Unit's
 * coordinators, like the government areas: every device receives it, the
 * coordinators rename, add, reorder and retire statuses, and each one keeps
 * its `meaning`, so the rules (domain/follow-up.ts) and the public page read
 * the same thing whatever the name. A retired status is made inactive, never
 * deleted, so the projects and updates that name it keep their meaning.
 */
import { z } from 'zod';
import { slugIds } from './slug-ids';

export const STATUS_MEANINGS = [
  'proposed',
  'in_management',
  'in_progress',
  'done',
  'cancelled',
  'on_hold',
] as const;
export type StatusMeaning = (typeof STATUS_MEANINGS)[number];

export const projectStatusSchema = z.object({
  name: z.string().trim().min(3).max(80),
  /** What the status means for the rules, whatever it is called. */
  meaning: z.enum(STATUS_MEANINGS),
  /** The progress a project takes when it enters the status (null: it keeps its own). */
  defaultProgress: z.number().int().min(0).max(100).nullable(),
  /** A project in this status must say why (cancelled, on hold). */
  requiresReason: z.boolean(),
  /** Its place in the lists (1 first). */
  order: z.number().int().min(1).max(1000),
  /** Inactive statuses are no longer offered. */
  active: z.boolean(),
});
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

/** The id of a shipped status, the same on every server (derived from its slug). */
export const defaultProjectStatusId = slugIds('project-status', '3c1d7a52-6e8f-4b0a-9d21-7f4e5a6b8c93');

const status = (
  slug: string,
  name: string,
  meaning: StatusMeaning,
  defaultProgress: number | null,
  order: number,
): ProjectStatus & { id: string } => ({
  id: defaultProjectStatusId(slug),
  name,
  meaning,
  defaultProgress,
  requiresReason: meaning === 'cancelled' || meaning === 'on_hold',
  order,
  active: true,
});

/**
 * The statuses the server adds at start when they are missing
 * (server/services/reference-defaults.service.ts). Coordinators' edits always
 * win over these.
 */
export const DEFAULT_PROJECT_STATUSES: (ProjectStatus & { id: string })[] = [
  status('propuesto', 'Propuesto', 'proposed', 0, 1),
  status('en-gestion', 'En gestión', 'in_management', 10, 2),
  status('en-ejecucion', 'En ejecución', 'in_progress', 50, 3),
  status('concluido', 'Concluido', 'done', 100, 4),
  status('cancelado', 'Cancelado', 'cancelled', null, 5),
  status('en-pausa', 'En pausa', 'on_hold', null, 6),
];

/** The status a project without `statusId` is in ("Propuesto"). */
export const PROPOSED_STATUS_ID = defaultProjectStatusId('propuesto');
