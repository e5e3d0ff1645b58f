/** A planning process: one neighbourhood (or a few adjacent units) moving through the programme's ten stages. */
import { z } from 'zod';

export const UNIT_KEY_PATTERN = /^\d{2}-\d{3}$/;

/** The ten stages of the method, in order (DESIGN.md). */
export const PROCESS_STAGES = [
  'convening',
  'collective',
  'tour',
  'self_diagnosis',
  'prioritisation',
  'vision',
  'projects',
  'agenda',
  'validation',
  'follow_up',
] as const;
export const processStageSchema = z.enum(PROCESS_STAGES);
export type ProcessStage = z.infer<typeof processStageSchema>;

export const collectiveMemberSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(2).max(120),
  /** Date the person agreed to have their name recorded; a member without consent is only counted. */
  consentDate: z.iso.date(),
});
export type CollectiveMember = z.infer<typeof collectiveMemberSchema>;

export const collectiveSchema = z
  .object({
    memberCount: z.number().int().min(0).max(10_000),
    members: z.array(collectiveMemberSchema).max(500),
  })
  .refine((c) => c.members.length <= c.memberCount, {
    message: 'Hay más integrantes con nombre que el total del colectivo',
    path: ['memberCount'],
  });
export type Collective = z.infer<typeof collectiveSchema>;

export const stageEntrySchema = z.object({
  stage: processStageSchema,
  reachedAt: z.iso.date(),
  sessionIds: z.array(z.uuid()).max(100),
  note: z.string().trim().max(1000).nullish(),
  /**
   * Evidence recorded later for a stage the process had passed over (domain/process-stages.ts):
   * it marks that stage done and leaves the current stage as it is.
   */
  recordedLater: z.boolean().optional(),
});
export type StageEntry = z.infer<typeof stageEntrySchema>;

/** The stage's position, 1–10. */
export function stageNumber(stage: ProcessStage): number {
  return PROCESS_STAGES.indexOf(stage) + 1;
}

export const processSchema = z.object({
  name: z.string().trim().min(3).max(200),
  /** Keys of the neighbourhood units it covers, e.g. `07-001`. */
  unitKeys: z
    .array(z.string().regex(UNIT_KEY_PATTERN, 'Clave de unidad territorial inválida (ej. 07-001)'))
    .min(1)
    .max(20),
  stage: processStageSchema,
  description: z.string().trim().max(2000).nullish(),
  /** Users (facilitators, promoters) assigned to it: their devices pull it. */
  teamUserIds: z.array(z.string().min(1).max(64)).max(50),
  /** The Planning Collective: residents who commit to the process. Names only with recorded consent. */
  collective: collectiveSchema.optional(),
  /** When each stage was reached and the sessions that were its evidence, in order. */
  stageHistory: z.array(stageEntrySchema).max(50).optional(),
  /** Its public page is on (set by a coordinator in scope or a facilitator of its team). */
  published: z.boolean().optional(),
  /** When it was last published. */
  publishedAt: z.iso.datetime({ offset: true }).optional(),
});
export type Process = z.infer<typeof processSchema>;
