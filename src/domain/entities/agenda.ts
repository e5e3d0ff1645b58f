/**
 * The Local Agenda for Community Development (stage 8) and its validation in
 * a Community Assembly (stage 9), ADR 0006.
 *
 * An `agendaVersion` holds the whole document as it was assembled
 * (`content`, a frozen copy of the process's units, Collective, diagnosis,
 * prioritisation, vision and projects, with their ids): printing a version
 * never reads the records again, so it shows exactly what was put to the
 * assembly. A draft can be assembled again and edited; a `validated` version
 * can be changed by no one (the server refuses it), and later edits make a
 * new version (a new record, `number` + 1).
 *
 * An `agendaValidation` is a fact, append-only like a ballot (ADR 0003): the
 * counts the assembly gave, the session's attendance as the quorum context,
 * and `approved`, which must follow the rule `agendaApproved`. A correction is
 * a new record that `supersedes` the wrong one, with its reason.
 */
import { z } from 'zod';
import { processStageSchema, UNIT_KEY_PATTERN } from './process';
import { thematicAreaSchema } from './problem';
import { voteMethodSchema } from './prioritisation';
import {
  commitmentSchema,
  MANAGEMENT_MODES,
  PROJECT_KINDS,
  PROJECT_TERMS,
  projectPlaceSchema,
} from './project';
import { isoDateSchema } from './session';

/** Version of the content's layout, so a later app can still print an old Agenda. */
export const AGENDA_FORMAT = 1;

const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(10_000_000);

const frozenUnitSchema = z.object({
  key: z.string().regex(UNIT_KEY_PATTERN),
  /** Null when the unit was not in the device's reference data. */
  name: text(200).nullable(),
  population: count.nullable(),
});

const frozenProblemSchema = z.object({ id: z.uuid(), title: text(200), description: text(5000).nullable() });

const frozenRoundSchema = z.object({
  roundId: z.uuid(),
  title: text(200),
  sessionId: z.uuid(),
  /** The session's date, when the device held it. */
  date: isoDateSchema.nullable(),
  method: voteMethodSchema,
  participants: count,
  /** The session's attendance (turnout context). */
  attendance: count.nullable(),
  rows: z
    .array(
      z.object({
        problemId: z.uuid(),
        title: text(200),
        rank: z.number().int().min(1).max(100),
        points: z.number().min(0),
        tied: z.boolean(),
      }),
    )
    .max(30),
});

const frozenVisionSchema = z.object({
  id: z.uuid(),
  theme: thematicAreaSchema,
  text: text(2000),
  problemIds: z.array(z.uuid()).max(100),
});

const frozenProjectSchema = z.object({
  id: z.uuid(),
  /** Its number in the document: "2" for the second project, "2.1" for its first action. */
  outline: text(20),
  parentId: z.uuid().nullable(),
  title: text(200),
  description: text(5000).nullable(),
  kind: z.enum(PROJECT_KINDS),
  theme: thematicAreaSchema,
  problemIds: z.array(z.uuid()).max(100),
  visionIds: z.array(z.uuid()).max(100),
  managementMode: z.enum(MANAGEMENT_MODES),
  /** The responsible areas with their names as they were. */
  governmentAreas: z.array(z.object({ id: z.uuid(), name: text(200), shortName: text(40) })).max(20),
  term: z.enum(PROJECT_TERMS),
  costNote: text(2000).nullable(),
  where: projectPlaceSchema.nullable(),
  /** A government area's name is copied into `who.name`. */
  commitments: z.array(commitmentSchema).max(100),
  communityOrder: z.number().int().min(1).max(10_000).nullable(),
});

export const agendaContentSchema = z.object({
  format: z.literal(AGENDA_FORMAT),
  assembledAt: z.iso.datetime(),
  process: z.object({ name: text(200), stage: processStageSchema }),
  units: z.array(frozenUnitSchema).max(20),
  /** Total population of the units whose population is known. */
  population: count,
  /** The Planning Collective: how many, and the names of those who consented to be named. */
  collective: z.object({ memberCount: count, names: z.array(text(120)).max(500) }),
  diagnosis: z.object({
    problemCount: count,
    /** Problems by thematic area, in the programme's order of areas. */
    byTheme: z
      .array(z.object({ theme: thematicAreaSchema, problems: z.array(frozenProblemSchema).max(500) }))
      .max(12),
    /** Results of the closed prioritisation rounds. */
    prioritisation: z.array(frozenRoundSchema).max(20),
  }),
  vision: z.array(frozenVisionSchema).max(300),
  /** Selected projects and actions, in the community's order (each project followed by its actions). */
  projects: z.array(frozenProjectSchema).max(300),
});
export type AgendaContent = z.infer<typeof agendaContentSchema>;
export type AgendaProjectEntry = AgendaContent['projects'][number];

export const AGENDA_STATUSES = ['draft', 'validated'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

export const agendaVersionSchema = z
  .object({
    processId: z.uuid(),
    /** 1, 2, 3… within the process. */
    number: z.number().int().min(1).max(1000),
    status: z.enum(AGENDA_STATUSES),
    /** One line: what changed from the previous version. */
    changelog: z.string().trim().min(3).max(300),
    content: agendaContentSchema,
    /** The validation that approved it (set with `status: validated`). */
    validationId: z.uuid().nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'validated' && !v.validationId) {
      ctx.addIssue({
        code: 'custom',
        path: ['validationId'],
        message: 'Una versión validada necesita la votación que la aprobó',
      });
    }
  });
export type AgendaVersion = z.infer<typeof agendaVersionSchema>;

export const AGENDA_VOTE_METHODS = ['show_of_hands', 'ballot'] as const;
export type AgendaVoteMethod = (typeof AGENDA_VOTE_METHODS)[number];

export const agendaVotesSchema = z.object({ for: count, against: count, abstain: count });
export type AgendaVotes = z.infer<typeof agendaVotesSchema>;

/**
 * The validation rule (ADR 0006): approved by a simple majority of the votes
 * cast, abstentions not counted — more votes for than against. A tie, or no
 * vote for, is not an approval.
 */
export function agendaApproved(votes: Pick<AgendaVotes, 'for' | 'against'>): boolean {
  return votes.for > votes.against;
}

export const agendaValidationSchema = z
  .object({
    processId: z.uuid(),
    agendaVersionId: z.uuid(),
    /** The Community Assembly where the version was put to the vote. */
    sessionId: z.uuid(),
    method: z.enum(AGENDA_VOTE_METHODS),
    /** The pass-the-tablet round, when the method is `ballot`. */
    roundId: z.uuid().nullish(),
    votes: agendaVotesSchema,
    /** The session's attendance when the result was recorded (the quorum context). */
    attendance: count,
    /** Must equal `agendaApproved(votes)`. */
    approved: z.boolean(),
    recordedAt: z.iso.datetime(),
    /** The validation this one corrects. */
    supersedes: z.uuid().nullish(),
    /** Why it was corrected. */
    reason: z.string().trim().max(500).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'ballot' && !v.roundId) {
      ctx.addIssue({ code: 'custom', path: ['roundId'], message: 'Falta la votación con boletas' });
    }
    if (v.method === 'show_of_hands' && v.roundId) {
      ctx.addIssue({ code: 'custom', path: ['roundId'], message: 'A mano alzada no lleva boletas' });
    }
    if (v.approved !== agendaApproved(v.votes)) {
      ctx.addIssue({
        code: 'custom',
        path: ['approved'],
        message: 'El resultado no corresponde a los votos (mayoría simple de votos emitidos)',
      });
    }
    const cast = v.votes.for + v.votes.against + v.votes.abstain;
    if (v.attendance > 0 && cast > v.attendance) {
      ctx.addIssue({ code: 'custom', path: ['votes'], message: 'Hay más votos que asistentes' });
    }
    if (v.supersedes && (!v.reason || v.reason.trim().length < 3)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Escribe el motivo de la corrección' });
    }
  });
export type AgendaValidation = z.infer<typeof agendaValidationSchema>;
