import { describe, expect, it } from 'vitest';
import {
  AGENDA_ROUND_CHOICES,
  agendaRoundChoices,
  assembleAgenda,
  isAgendaRound,
  roundSchema,
  tallyRound,
  votesFromRound,
  type BallotRecord,
  type Round,
} from '../../../src/domain';
import { agendaWorld, PROCESS, VALIDATION_ASSEMBLY } from '../../fixtures/agenda';

const id = (n: number) => `00000009-0000-4000-8000-${String(n).padStart(12, '0')}`;
const VERSION = id(99);

function agendaRound(overrides: Partial<Round> = {}): Round & { id: string } {
  return {
    id: id(1),
    processId: PROCESS,
    sessionId: VALIDATION_ASSEMBLY,
    title: 'Validación de la Agenda Local, versión 1',
    options: AGENDA_ROUND_CHOICES.map((title, i) => ({ problemId: id(10 + i), title })),
    method: 'dots',
    dotsPerPerson: 1,
    allowStacking: false,
    status: 'closed',
    openedAt: '2026-12-05T17:00:00.000Z',
    closedAt: '2026-12-05T17:30:00.000Z',
    agendaVersionId: VERSION,
    ...overrides,
  };
}

const messages = (round: Round) => {
  const parsed = roundSchema.safeParse(round);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('a round that puts an Agenda version to the assembly', () => {
  it('is valid with for, against and abstain, one dot each, no stacking', () => {
    const round = agendaRound();
    expect(messages(round)).toEqual([]);
    expect(isAgendaRound(round)).toBe(true);
    expect(isAgendaRound(agendaWorld().rounds[0]!)).toBe(false);
  });

  it('refuses other options, more than one dot, stacking or another method, in Spanish', () => {
    expect(
      messages(
        agendaRound({
          options: [
            { problemId: id(10), title: 'A favor' },
            { problemId: id(11), title: 'Otro' },
          ],
        }),
      ),
    ).toEqual(['La votación de la Agenda tiene tres opciones: A favor, En contra y Abstención']);
    const oneChoice = 'En la votación de la Agenda cada persona marca una sola opción';
    expect(messages(agendaRound({ dotsPerPerson: 3 }))).toEqual([oneChoice]);
    expect(messages(agendaRound({ allowStacking: true }))).toEqual([oneChoice]);
    expect(messages(agendaRound({ method: 'ranking', dotsPerPerson: undefined }))).toContain(oneChoice);
  });

  it('counts each choice as votes', () => {
    const round = agendaRound();
    const ballots: BallotRecord[] = [0, 0, 0, 1, 2].map((choice, n) => ({
      id: id(50 + n),
      processId: PROCESS,
      roundId: round.id,
      kind: 'vote',
      castAt: `2026-12-05T17:0${n}:00.000Z`,
      dots: { [round.options[choice]!.problemId]: 1 },
    }));
    const votes = votesFromRound(tallyRound(round, ballots), agendaRoundChoices(round));
    expect(votes).toEqual({ for: 3, against: 1, abstain: 1 });
  });

  it('stays out of the Agenda’s prioritisation of problems', () => {
    const world = agendaWorld();
    const content = assembleAgenda(
      { ...world, rounds: [...world.rounds, agendaRound()] },
      { assembledAt: '2026-12-05T18:00:00.000Z' },
    );
    expect(content.diagnosis.prioritisation).toHaveLength(1);
    expect(content.diagnosis.prioritisation[0]!.title).toBe('Priorización de problemas');
  });
});
