import { describe, expect, it } from 'vitest';
import {
  agendaApproved,
  agendaValidationSchema,
  resolveValidations,
  tallyRound,
  validationOf,
  validationProblems,
  validationRecord,
  validationStagePatch,
  votesFromRound,
  type AgendaValidationRecord,
} from '../../../src/domain';
import { advanceStagePatch } from '../../../src/domain/process-stages';
import { agendaWorld, ASSEMBLY, PROCESS, TOUR, VALIDATION_ASSEMBLY, WORKSHOP } from '../../fixtures/agenda';

const VERSION = '90000000-0000-4000-8000-000000000001';
const OTHER = '90000000-0000-4000-8000-000000000099';

describe('the validation rule', () => {
  it('approves by a simple majority of the votes cast, abstentions not counted', () => {
    expect(agendaApproved({ for: 11, against: 10 })).toBe(true);
    // Many abstentions do not stop an approval…
    expect(agendaApproved({ for: 3, against: 2 })).toBe(true);
    // …and a tie, or no vote at all, is not one.
    expect(agendaApproved({ for: 10, against: 10 })).toBe(false);
    expect(agendaApproved({ for: 0, against: 0 })).toBe(false);
  });
});

describe('validationProblems', () => {
  const world = agendaWorld();
  const session = world.sessions.find((s) => s.id === VALIDATION_ASSEMBLY)!;
  const draft = { processId: PROCESS, status: 'draft' as const };
  const votes = { for: 15, against: 2, abstain: 3 };

  it('accepts a draft of the process put to one of its Community Assemblies', () => {
    expect(validationProblems(PROCESS, draft, session, votes)).toEqual([]);
  });

  it('refuses another process’s version, a validated one, a session that is not an assembly, and impossible counts', () => {
    expect(
      validationProblems(
        PROCESS,
        { processId: OTHER, status: 'validated' },
        { ...session, type: 'planning_workshop' },
        {
          for: 20,
          against: 2,
          abstain: 1,
        },
      ),
    ).toEqual([
      'version_other_process',
      'version_already_validated',
      'session_not_assembly',
      'votes_exceed_attendance',
    ]);
    expect(
      validationProblems(
        PROCESS,
        draft,
        { ...session, processId: OTHER },
        { for: 0, against: 0, abstain: 0 },
      ),
    ).toEqual(['session_other_process', 'no_votes']);
  });

  it('makes a record with the rule’s result and the attendance as quorum context', () => {
    const record = validationRecord({
      processId: PROCESS,
      agendaVersionId: VERSION,
      session,
      method: 'show_of_hands',
      votes,
      recordedAt: '2026-12-05T19:00:00.000Z',
    });
    expect(record).toEqual({
      processId: PROCESS,
      agendaVersionId: VERSION,
      sessionId: VALIDATION_ASSEMBLY,
      method: 'show_of_hands',
      votes,
      attendance: 22,
      approved: true,
      recordedAt: '2026-12-05T19:00:00.000Z',
    });
    expect(agendaValidationSchema.safeParse(record).success).toBe(true);
  });
});

describe('votes from a pass-the-tablet round', () => {
  it('reads for, against and abstain from the round’s three options', () => {
    const [yes, no, abstain] = [
      'a0000000-0000-4000-8000-000000000001',
      'a0000000-0000-4000-8000-000000000002',
      'a0000000-0000-4000-8000-000000000003',
    ];
    const round = {
      id: 'r',
      processId: PROCESS,
      sessionId: VALIDATION_ASSEMBLY,
      title: '¿Aprobamos la Agenda?',
      options: [
        { problemId: yes, title: 'A favor' },
        { problemId: no, title: 'En contra' },
        { problemId: abstain, title: 'Abstención' },
      ],
      method: 'dots' as const,
      dotsPerPerson: 1,
      status: 'closed' as const,
      openedAt: '2026-12-05T18:00:00.000Z',
      closedAt: '2026-12-05T18:30:00.000Z',
    };
    const vote = (n: number, choice: string) => ({
      id: `b${n}`,
      processId: PROCESS,
      roundId: 'r',
      kind: 'vote' as const,
      castAt: '2026-12-05T18:10:00.000Z',
      dots: { [choice]: 1 },
    });
    const result = tallyRound(round, [
      vote(1, yes),
      vote(2, yes),
      vote(3, no),
      vote(4, abstain),
      vote(5, yes),
    ]);
    expect(votesFromRound(result, { for: yes, against: no, abstain })).toEqual({
      for: 3,
      against: 1,
      abstain: 1,
    });
  });
});

describe('corrections of a validation', () => {
  const record = (id: string, over: Partial<AgendaValidationRecord> = {}): AgendaValidationRecord => ({
    id,
    processId: PROCESS,
    agendaVersionId: VERSION,
    sessionId: VALIDATION_ASSEMBLY,
    method: 'show_of_hands',
    votes: { for: 10, against: 12, abstain: 0 },
    attendance: 22,
    approved: false,
    recordedAt: '2026-12-05T19:00:00.000Z',
    ...over,
  });

  it('stand in place of what they supersede, on every device alike', () => {
    const wrong = record('v1');
    const fixed = record('v2', {
      votes: { for: 12, against: 10, abstain: 0 },
      approved: true,
      supersedes: 'v1',
      reason: 'Se invirtieron los conteos',
      recordedAt: '2026-12-05T19:05:00.000Z',
    });
    const other = record('v3', { agendaVersionId: OTHER });
    const outcome = resolveValidations([fixed, other, wrong]);
    expect(outcome.current.map((r) => r.id).sort()).toEqual(['v2', 'v3']);
    expect(outcome.superseded.map((r) => r.id)).toEqual(['v1']);
    expect(validationOf(VERSION, [wrong, fixed, other])?.id).toBe('v2');
    expect(validationOf(VERSION, [wrong])?.approved).toBe(false);
    expect(validationOf('none', [wrong])).toBeNull();
  });
});

describe('the stage rule', () => {
  const { process } = agendaWorld();
  const sessions = [ASSEMBLY, WORKSHOP, TOUR, VALIDATION_ASSEMBLY];

  it('moves the process to stage 9 with the assembly as evidence when the version is approved', () => {
    const patch = validationStagePatch(
      process,
      { approved: true, sessionId: VALIDATION_ASSEMBLY },
      '2026-12-05',
      sessions,
    );
    expect(patch).toEqual({
      stage: 'validation',
      stageHistory: [
        ...process.stageHistory!,
        { stage: 'validation', reachedAt: '2026-12-05', sessionIds: [VALIDATION_ASSEMBLY] },
      ],
    });
  });

  it('does nothing when the assembly did not approve, or the process is already there or beyond', () => {
    expect(
      validationStagePatch(
        process,
        { approved: false, sessionId: VALIDATION_ASSEMBLY },
        '2026-12-05',
        sessions,
      ),
    ).toBeNull();
    for (const stage of ['validation', 'follow_up'] as const) {
      expect(
        validationStagePatch(
          { ...process, stage },
          { approved: true, sessionId: VALIDATION_ASSEMBLY },
          '2026-12-05',
          sessions,
        ),
      ).toBeNull();
    }
  });

  it('refuses evidence from another process, and never dates the step before the last one', () => {
    expect(() =>
      validationStagePatch(process, { approved: true, sessionId: OTHER }, '2026-12-05', sessions),
    ).toThrow(/evidence_not_in_process/);
    const early = advanceStagePatch(process, 'agenda', [WORKSHOP], '2026-10-01', sessions);
    expect(early?.stageHistory?.at(-1)).toEqual({
      stage: 'agenda',
      reachedAt: '2026-11-01',
      sessionIds: [WORKSHOP],
    });
    // Never backwards: a process past the vision stays where it is.
    expect(advanceStagePatch(process, 'vision', [WORKSHOP], '2026-12-01', sessions)).toBeNull();
  });
});
