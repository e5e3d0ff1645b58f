/**
 * Strategies, projects and actions (stage 7). A project answers prioritised
 * problems and serves vision statements; it names how it is managed
 * (*autogestión*, *cogestión* with a government area, or by the government),
 * the government areas involved, its term, a rough cost note, where it
 * happens, and the commitments of co-responsibility: who (the Planning
 * Collective, a named resident group, a government area) does what by when.
 *
 * A project can hold actions (`parentId`), so a large project's progress can
 * roll up from its parts (domain/projects.ts). The parent must be a project of
 * the same process and the links must not loop; the server refuses a write
 * that would close a loop with what it holds, and the roll-up tolerates one
 * made by two tablets that did not know of each other.
 */
import { z } from 'zod';
import { refuseRepeats } from './refuse-repeats';
import { UNIT_KEY_PATTERN } from './process';
import { thematicAreaSchema } from './problem';
import { geoPointSchema, isoDateSchema } from './session';

export const PROJECT_KINDS = ['project', 'action'] as const;
export const MANAGEMENT_MODES = ['self_managed', 'co_managed', 'government'] as const;
export const PROJECT_TERMS = ['short', 'medium', 'long'] as const;
export const COMMITMENT_PARTIES = ['collective', 'resident_group', 'government_area'] as const;
/** How a project's progress comes from its actions: their plain average, or weighted by each one's `weight`. */
export const ROLL_UP_METHODS = ['average', 'weighted'] as const;

export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ManagementMode = (typeof MANAGEMENT_MODES)[number];
export type ProjectTerm = (typeof PROJECT_TERMS)[number];
export type RollUpMethod = (typeof ROLL_UP_METHODS)[number];

export const commitmentPartySchema = z
  .object({
    kind: z.enum(COMMITMENT_PARTIES),
    /** The resident group's name (required for one), or how the party is called. */
    name: z.string().trim().min(2).max(200).optional(),
    /** The government area (required when the party is one). */
    governmentAreaId: z.uuid().optional(),
  })
  .superRefine((who, ctx) => {
    if (who.kind === 'resident_group' && !who.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'Escribe el nombre del grupo' });
    }
    if (who.kind === 'government_area' && !who.governmentAreaId) {
      ctx.addIssue({ code: 'custom', path: ['governmentAreaId'], message: 'Elige el área de gobierno' });
    }
    if (who.kind !== 'government_area' && who.governmentAreaId) {
      ctx.addIssue({
        code: 'custom',
        path: ['governmentAreaId'],
        message: 'Solo un área de gobierno lleva área de gobierno',
      });
    }
  });
export type CommitmentParty = z.infer<typeof commitmentPartySchema>;

export const commitmentSchema = z.object({
  id: z.string().min(1).max(64),
  who: commitmentPartySchema,
  what: z.string().trim().min(3).max(1000),
  dueDate: isoDateSchema,
  done: z.boolean().optional(),
  /** The day it was marked done (follow-up). */
  doneAt: isoDateSchema.optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const projectPlaceSchema = z
  .object({
    /** Neighbourhood units (keys, e.g. `07-001`) where it happens. */
    unitKeys: z
      .array(z.string().regex(UNIT_KEY_PATTERN, 'Clave de unidad territorial inválida (ej. 07-001)'))
      .max(20)
      .optional(),
    /** A point on the map (WGS 84). */
    point: geoPointSchema.nullish(),
  })
  .refine((w) => (w.unitKeys?.length ?? 0) > 0 || !!w.point, {
    message: 'Indica las unidades territoriales o un punto en el mapa',
    path: ['unitKeys'],
  });
export type ProjectPlace = z.infer<typeof projectPlaceSchema>;

const ids = (max: number) => z.array(z.uuid()).max(max);

export const projectSchema = z
  .object({
    processId: z.uuid(),
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().max(5000).nullish(),
    kind: z.enum(PROJECT_KINDS),
    theme: thematicAreaSchema,
    /** Prioritised problems it answers. */
    problemIds: ids(100),
    /** Vision statements it serves. */
    visionIds: ids(100),
    managementMode: z.enum(MANAGEMENT_MODES),
    /** Government areas responsible (reference data). */
    governmentAreaIds: ids(20),
    term: z.enum(PROJECT_TERMS),
    /** A rough cost or the resources it needs, as the community wrote it. */
    costNote: z.string().trim().max(2000).nullish(),
    where: projectPlaceSchema.nullish(),
    commitments: z.array(commitmentSchema).max(100),
    /** The project this action belongs to. */
    parentId: z.uuid().nullish(),
    /** The community's priority order (1 = first); among siblings when it has a parent. */
    communityOrder: z.number().int().min(1).max(10_000).nullish(),
    /** How its progress rolls up from its actions (a project with actions). */
    rollUp: z.enum(ROLL_UP_METHODS).optional(),
    /** Its weight in its parent's weighted roll-up (1 when not set). */
    weight: z.number().min(0).max(1000).optional(),
    /** Its follow-up status (a `projectStatus`; absent: the default "Propuesto"). */
    statusId: z.uuid().optional(),
    /** Why it is cancelled or on hold (domain/follow-up.ts). */
    statusReason: z.string().trim().max(1000).nullish(),
    /** Progress set by hand, 0–100 (a project with actions rolls up from them instead). */
    progress: z.number().min(0).max(100).nullish(),
    /** Shown on the process's public page. */
    public: z.boolean().optional(),
  })
  .superRefine((p, ctx) => {
    for (const key of ['problemIds', 'visionIds', 'governmentAreaIds'] as const) {
      refuseRepeats(ctx, p[key] ?? [], key, 'Hay elementos repetidos');
    }
    if (p.managementMode !== 'self_managed' && p.governmentAreaIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['governmentAreaIds'],
        message: 'Indica al menos un área de gobierno responsable',
      });
    }
    const commitmentIds = p.commitments.map((c) => c.id);
    refuseRepeats(ctx, commitmentIds, 'commitments', 'Hay compromisos repetidos');
  });
export type Project = z.infer<typeof projectSchema>;
