/**
 * Rubrics: the Unit's templates (criteria × four levels, each with its
 * descriptor) and the scores teams give a session or one of the three
 * moments of a process. Templates are versioned — an edit is a new version
 * of the same `family` — and a score names the exact version it used, so old
 * scores keep their meaning. Scores are append-only (corrections supersede).
 */
import { z } from 'zod';
import { refuseRepeats } from './refuse-repeats';
import { sessionTypeSchema } from './session';

/** The three moments at which rubrics and interviews are applied (DESIGN.md). */
export const MOMENTS = ['self_diagnosis', 'imaginaries', 'planning'] as const;
export const momentSchema = z.enum(MOMENTS);
export type Moment = z.infer<typeof momentSchema>;

export const RUBRIC_KINDS = ['learning', 'product'] as const;
export const LEVELS = [1, 2, 3, 4] as const;

export const rubricCriterionSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().trim().min(2).max(120),
  /** Descriptors of levels 1 to 4. */
  levels: z.tuple([
    z.string().trim().min(2).max(400),
    z.string().trim().min(2).max(400),
    z.string().trim().min(2).max(400),
    z.string().trim().min(2).max(400),
  ]),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricTargetKindSchema = z.enum(['session', 'moment']);

export const rubricTemplateSchema = z
  .object({
    name: z.string().trim().min(3).max(160),
    description: z.string().trim().max(1000).nullish(),
    kind: z.enum(RUBRIC_KINDS),
    /** What it scores: sessions of one type, or one of the three moments. */
    appliesTo: rubricTargetKindSchema,
    sessionType: sessionTypeSchema.nullish(),
    moment: momentSchema.nullish(),
    /** All versions of one template share the family id. */
    family: z.uuid(),
    version: z.number().int().min(1).max(1000),
    /** Only the newest version of a family is offered for new scores. */
    active: z.boolean(),
    criteria: z.array(rubricCriterionSchema).min(1).max(12),
  })
  .superRefine((t, ctx) => {
    if (t.appliesTo === 'session' && !t.sessionType) {
      ctx.addIssue({ code: 'custom', path: ['sessionType'], message: 'Elige el tipo de sesión' });
    }
    if (t.appliesTo === 'moment' && !t.moment) {
      ctx.addIssue({ code: 'custom', path: ['moment'], message: 'Elige el momento' });
    }
    const criterionIds = t.criteria.map((c) => c.id);
    refuseRepeats(ctx, criterionIds, 'criteria', 'Hay criterios repetidos');
  });
export type RubricTemplate = z.infer<typeof rubricTemplateSchema>;

export const interviewNoteSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(['group', 'individual']),
  text: z.string().trim().min(3).max(10_000),
  /** How many people took part (group interviews); no names needed. */
  participants: z.number().int().min(1).max(1000).nullish(),
});
export type InterviewNote = z.infer<typeof interviewNoteSchema>;

export const rubricScoreSchema = z
  .object({
    processId: z.uuid(),
    templateId: z.uuid(),
    /** The template version scored against (denormalised, for reading old scores). */
    templateVersion: z.number().int().min(1).max(1000),
    target: rubricTargetKindSchema,
    sessionId: z.uuid().nullish(),
    moment: momentSchema.nullish(),
    /** Level 1–4 by criterion id. */
    levels: z.record(z.string().min(1).max(64), z.number().int().min(1).max(4)),
    comment: z.string().trim().max(4000).nullish(),
    interviews: z.array(interviewNoteSchema).max(30).optional(),
    scoredAt: z.iso.datetime(),
    /** The account that scored (an id, not a name). */
    scoredBy: z.string().min(1).max(64),
    /** The score this one corrects. */
    supersedes: z.uuid().nullish(),
  })
  .superRefine((s, ctx) => {
    if (Object.keys(s.levels).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'Califica al menos un criterio' });
    }
    if (s.target === 'session' && !s.sessionId) {
      ctx.addIssue({ code: 'custom', path: ['sessionId'], message: 'Falta la sesión' });
    }
    if (s.target === 'moment' && !s.moment) {
      ctx.addIssue({ code: 'custom', path: ['moment'], message: 'Falta el momento' });
    }
  });
export type RubricScore = z.infer<typeof rubricScoreSchema>;
