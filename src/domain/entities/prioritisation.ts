/**
 * Prioritisation in the assembly: a round puts some problems on the ballot
 * and fixes the method; ballots are append-only records. A correction is a
 * new ballot that `supersedes` the old one; an annulment is a record of kind
 * `annulment` with its reason. Nothing is ever edited in place, so ballots
 * cast on several tablets for the same round merge without conflict.
 */
import { z } from 'zod';
import { refuseRepeats } from './refuse-repeats';

export const VOTE_METHODS = ['dots', 'ranking', 'scoring'] as const;
export const voteMethodSchema = z.enum(VOTE_METHODS);
export type VoteMethod = z.infer<typeof voteMethodSchema>;

export const ROUND_STATUSES = ['open', 'closed'] as const;

export const criterionSchema = z.object({
  id: z.string().min(1).max(64),
  label: z.string().trim().min(2).max(80),
  /** Relative weight in the weighted mean (1 = normal). */
  weight: z.number().min(0.1).max(10),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** Urgency, impact, feasibility: the criteria facilitators use by default. */
export const DEFAULT_CRITERIA: Criterion[] = [
  { id: 'urgency', label: 'Urgencia', weight: 1 },
  { id: 'impact', label: 'Impacto', weight: 1 },
  { id: 'feasibility', label: 'Factibilidad', weight: 1 },
];

export const ballotOptionSchema = z.object({
  problemId: z.uuid(),
  /** The title as it was on the ballot (what people voted on). */
  title: z.string().trim().min(1).max(200),
});
export type BallotOption = z.infer<typeof ballotOptionSchema>;

/** The options of a round that puts an Agenda version to the assembly: for, against, abstain. */
export const AGENDA_ROUND_CHOICES = ['A favor', 'En contra', 'Abstención'] as const;

export const roundSchema = z
  .object({
    processId: z.uuid(),
    sessionId: z.uuid(),
    title: z.string().trim().min(3).max(200),
    options: z.array(ballotOptionSchema).min(2).max(30),
    method: voteMethodSchema,
    /** Dot voting: dots each person places. */
    dotsPerPerson: z.number().int().min(1).max(20).optional(),
    /** Dot voting: whether one person may put several dots on the same problem. */
    allowStacking: z.boolean().optional(),
    /** Scoring: the criteria (1–5 each) and their weights. */
    criteria: z.array(criterionSchema).min(1).max(6).optional(),
    status: z.enum(ROUND_STATUSES),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullish(),
    /**
     * Set when the round puts this Local Agenda version to the assembly
     * instead of prioritising problems: three options (for, against, abstain),
     * one dot per person, no stacking.
     */
    agendaVersionId: z.uuid().nullish(),
  })
  .superRefine((round, ctx) => {
    if (round.agendaVersionId) {
      const titles = round.options.map((o) => o.title);
      const fixed =
        titles.length === AGENDA_ROUND_CHOICES.length &&
        AGENDA_ROUND_CHOICES.every((title, i) => titles[i] === title);
      if (!fixed) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: 'La votación de la Agenda tiene tres opciones: A favor, En contra y Abstención',
        });
      }
      if (round.method !== 'dots' || round.dotsPerPerson !== 1 || round.allowStacking) {
        ctx.addIssue({
          code: 'custom',
          path: ['method'],
          message: 'En la votación de la Agenda cada persona marca una sola opción',
        });
      }
    }
    const problemIds = round.options.map((o) => o.problemId);
    refuseRepeats(ctx, problemIds, 'options', 'Un problema aparece dos veces en la boleta');
    if (round.method === 'dots' && round.dotsPerPerson === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['dotsPerPerson'],
        message: 'Indica cuántos puntos tiene cada persona',
      });
    }
    if (round.method === 'scoring') {
      const criteria = round.criteria ?? [];
      if (criteria.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'Agrega al menos un criterio' });
      }
      const criterionIds = criteria.map((c) => c.id);
      refuseRepeats(ctx, criterionIds, 'criteria', 'Hay criterios repetidos');
    }
    if (round.status === 'closed' && !round.closedAt) {
      ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'Falta la hora de cierre' });
    }
  });
export type Round = z.infer<typeof roundSchema>;

export const BALLOT_KINDS = ['vote', 'tally', 'annulment'] as const;

const problemKey = z.string().min(1).max(64);

export const ballotSchema = z
  .object({
    processId: z.uuid(),
    roundId: z.uuid(),
    /**
     * `vote`: one person's private ballot (pass the tablet);
     * `tally`: dots counted on the board by the facilitator;
     * `annulment`: the facilitator annuls the ballot in `supersedes`, with a reason.
     */
    kind: z.enum(BALLOT_KINDS),
    castAt: z.iso.datetime(),
    /** Dots by problem id (dot voting, and board tallies). */
    dots: z.record(problemKey, z.number().int().min(0).max(100_000)).optional(),
    /** Problem ids, most important first (ranking). */
    ranking: z.array(z.uuid()).max(30).optional(),
    /** Scores 1–5 by problem id, then by criterion id (scoring). */
    scores: z.record(problemKey, z.record(problemKey, z.number().int().min(1).max(5))).optional(),
    /** Board tally: how many people placed dots. */
    participants: z.number().int().min(0).max(100_000).optional(),
    /** The ballot this one corrects or annuls. */
    supersedes: z.uuid().nullish(),
    /** Why a ballot was annulled. */
    reason: z.string().trim().max(500).nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'annulment') {
      if (!b.supersedes)
        ctx.addIssue({ code: 'custom', path: ['supersedes'], message: 'Falta la boleta anulada' });
      if (!b.reason || b.reason.trim().length < 3) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Escribe el motivo de la anulación' });
      }
    }
    if (b.kind === 'tally' && (b.dots === undefined || b.participants === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['dots'], message: 'El conteo necesita puntos y participantes' });
    }
    if (b.kind === 'vote' && b.dots === undefined && b.ranking === undefined && b.scores === undefined) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'La boleta está vacía' });
    }
  });
export type Ballot = z.infer<typeof ballotSchema>;

/** Whether the round is an Agenda vote (its options are not problems). */
export function isAgendaRound(round: Pick<Round, 'agendaVersionId'>): boolean {
  return Boolean(round.agendaVersionId);
}

/** The option ids of an Agenda round that stand for for, against and abstain (in the ballot's order). */
export function agendaRoundChoices(round: Pick<Round, 'options'>): {
  for: string;
  against: string;
  abstain: string;
} {
  const [yes, no, abstain] = round.options;
  return { for: yes?.problemId ?? '', against: no?.problemId ?? '', abstain: abstain?.problemId ?? '' };
}
