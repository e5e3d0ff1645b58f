import { describe, expect, it } from 'vitest';
import type { StageEntry } from '../../../src/domain';
import {
  STAGE_EVIDENCE,
  StageTransitionError,
  applyLateStageEvidence,
  applyStageEntry,
  isBackwards,
  lateStageEvidenceProblems,
  latestEntryByStage,
  nextStage,
  stageEntryProblems,
  stageStatuses,
  type StageFacts,
} from '../../../src/domain/process-stages';

const S1 = '0b6c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e01';
const S2 = '0b6c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9e02';
const FOREIGN = '0b6c3f5e-1a2b-4c3d-8e4f-5a6b7c8d9eff';

const entry = (over: Partial<StageEntry>): StageEntry => ({
  stage: 'collective',
  reachedAt: '2026-03-10',
  sessionIds: [],
  ...over,
});

describe('nextStage', () => {
  it('walks the ten stages in order and stops at the last', () => {
    expect(nextStage('convening')).toBe('collective');
    expect(nextStage('validation')).toBe('follow_up');
    expect(nextStage('follow_up')).toBeNull();
  });
  it('knows going back', () => {
    expect(isBackwards('tour', 'collective')).toBe(true);
    expect(isBackwards('collective', 'tour')).toBe(false);
  });
});

describe('stageEntryProblems', () => {
  const process = {
    stage: 'convening' as const,
    stageHistory: [entry({ stage: 'convening', reachedAt: '2026-03-01' })],
  };

  it('accepts a forward move with the process own sessions as evidence', () => {
    expect(stageEntryProblems(process, entry({ sessionIds: [S1, S2] }), [S1, S2])).toEqual([]);
  });
  it('refuses evidence from another process', () => {
    expect(stageEntryProblems(process, entry({ sessionIds: [S1, FOREIGN] }), [S1])).toEqual([
      'evidence_not_in_process',
    ]);
  });
  it('refuses a date before the last recorded one, but allows the same day', () => {
    expect(stageEntryProblems(process, entry({ reachedAt: '2026-02-28' }), [])).toEqual([
      'date_goes_backwards',
    ]);
    expect(stageEntryProblems(process, entry({ reachedAt: '2026-03-01' }), [])).toEqual([]);
  });
  it('refuses staying on the same stage', () => {
    expect(stageEntryProblems(process, entry({ stage: 'convening' }), [])).toEqual(['same_stage']);
  });
  it('allows going back only with a note', () => {
    const at3 = { stage: 'tour' as const, stageHistory: [] };
    expect(stageEntryProblems(at3, entry({ stage: 'collective', note: '  ' }), [])).toEqual([
      'backwards_needs_note',
    ]);
    expect(
      stageEntryProblems(at3, entry({ stage: 'collective', note: 'Se repite la convocatoria' }), []),
    ).toEqual([]);
  });
});

describe('applyStageEntry', () => {
  it('sets the stage and appends the entry (deduplicated evidence, trimmed note)', () => {
    const patch = applyStageEntry(
      { stage: 'convening', stageHistory: undefined },
      entry({ sessionIds: [S1, S1], note: ' ok ' }),
      [S1],
    );
    expect(patch).toEqual({
      stage: 'collective',
      stageHistory: [{ stage: 'collective', reachedAt: '2026-03-10', sessionIds: [S1], note: 'ok' }],
    });
  });
  it('throws with the problems when refused', () => {
    expect(() => applyStageEntry({ stage: 'convening' }, entry({ sessionIds: [FOREIGN] }), [])).toThrow(
      StageTransitionError,
    );
  });
  it('latestEntryByStage keeps the last time each stage was reached', () => {
    const map = latestEntryByStage([
      entry({ stage: 'collective', reachedAt: '2026-03-01' }),
      entry({ stage: 'tour', reachedAt: '2026-03-05' }),
      entry({ stage: 'collective', reachedAt: '2026-03-09', note: 'back' }),
    ]);
    expect(map.get('collective')?.reachedAt).toBe('2026-03-09');
    expect(map.get('tour')?.reachedAt).toBe('2026-03-05');
  });
});

const noWork: StageFacts = { collectiveMembers: 0, sessionTypes: [], problems: 0, closedRounds: 0 };
const statesOf = (...args: Parameters<typeof stageStatuses>) => stageStatuses(...args).map((s) => s.state);

describe('what "done" means: the evidence of each stage', () => {
  it('names the evidence the app holds for the stages it records', () => {
    expect(STAGE_EVIDENCE.convening({ ...noWork, sessionTypes: ['community_assembly'] })).toBe(true);
    expect(STAGE_EVIDENCE.convening({ ...noWork, sessionTypes: ['planning_workshop'] })).toBe(false);
    expect(STAGE_EVIDENCE.collective({ ...noWork, collectiveMembers: 12 })).toBe(true);
    expect(STAGE_EVIDENCE.collective(noWork)).toBe(false);
    expect(STAGE_EVIDENCE.tour({ ...noWork, sessionTypes: ['territorial_tour'] })).toBe(true);
    expect(STAGE_EVIDENCE.self_diagnosis({ ...noWork, problems: 3 })).toBe(true);
    expect(STAGE_EVIDENCE.prioritisation({ ...noWork, closedRounds: 1 })).toBe(true);
    expect(STAGE_EVIDENCE.follow_up({ ...noWork, sessionTypes: ['follow_up_meeting'] })).toBe(true);
    // What the app does not record yet is done only by sessions recorded as its evidence.
    const everything: StageFacts = {
      collectiveMembers: 9,
      sessionTypes: ['community_assembly', 'territorial_tour', 'follow_up_meeting'],
      problems: 5,
      closedRounds: 2,
    };
    for (const stage of ['vision', 'projects', 'agenda', 'validation'] as const)
      expect(STAGE_EVIDENCE[stage](everything)).toBe(false);
  });

  it('a vote closed at stage 1 reaches prioritisation but shows the Collective and the tour as skipped, not done', () => {
    // An assembly with problems and a closed vote; 0 members in the Collective; no tour.
    const process = {
      stage: 'prioritisation' as const,
      stageHistory: [entry({ stage: 'prioritisation', reachedAt: '2026-11-21', sessionIds: [S1] })],
    };
    const facts: StageFacts = {
      collectiveMembers: 0,
      sessionTypes: ['community_assembly'],
      problems: 3,
      closedRounds: 1,
    };
    expect(statesOf(process, facts)).toEqual([
      'done', // the assembly
      'skipped', // nobody in the Collective
      'skipped', // no tour
      'done', // the problems voted on
      'current',
      'todo',
      'todo',
      'todo',
      'todo',
      'todo',
    ]);
    const [convening, collective] = stageStatuses(process, facts);
    expect(convening).toMatchObject({ evidence: 'facts', entry: undefined });
    expect(collective).toMatchObject({ state: 'skipped', evidence: null });
  });

  it('a stage passed over is done once its evidence exists, or once sessions are recorded for it later', () => {
    const process = { stage: 'self_diagnosis' as const, stageHistory: [] };
    expect(statesOf(process, noWork).slice(0, 3)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(statesOf(process, { ...noWork, collectiveMembers: 4 }).slice(0, 3)).toEqual([
      'skipped',
      'done',
      'skipped',
    ]);
    const patch = applyLateStageEvidence(
      process,
      entry({ stage: 'tour', reachedAt: '2026-04-02', sessionIds: [S2] }),
      [S1, S2],
    );
    const recorded = stageStatuses({ ...process, ...patch }, noWork)[2]!;
    expect(recorded).toMatchObject({ state: 'done', evidence: 'sessions' });
    expect(recorded.entry).toMatchObject({ reachedAt: '2026-04-02', recordedLater: true });
  });

  it('an entry without sessions is a date, not evidence', () => {
    const process = {
      stage: 'tour' as const,
      stageHistory: [entry({ stage: 'collective', reachedAt: '2026-03-01', sessionIds: [] })],
    };
    const [, collective] = stageStatuses(process, noWork);
    expect(collective).toMatchObject({ state: 'skipped', evidence: null });
    expect(collective!.entry?.reachedAt).toBe('2026-03-01');
    // Facts not read yet: only recorded sessions count.
    expect(statesOf({ ...process, stageHistory: [entry({ sessionIds: [S1] })] }, null).slice(0, 2)).toEqual([
      'skipped',
      'done',
    ]);
  });
});

describe('recording a skipped stage later', () => {
  const at5 = {
    stage: 'prioritisation' as const,
    stageHistory: [entry({ stage: 'prioritisation', reachedAt: '2026-11-21' })],
  };

  it('needs a stage the process passed over and sessions of its own as evidence; any date', () => {
    expect(lateStageEvidenceProblems(at5, entry({ stage: 'tour', sessionIds: [S1] }), [S1])).toEqual([]);
    expect(lateStageEvidenceProblems(at5, entry({ stage: 'tour', sessionIds: [] }), [S1])).toEqual([
      'needs_evidence',
    ]);
    expect(
      lateStageEvidenceProblems(at5, entry({ stage: 'prioritisation', sessionIds: [S1] }), [S1]),
    ).toEqual(['not_passed_over']);
    expect(lateStageEvidenceProblems(at5, entry({ stage: 'vision', sessionIds: [S1] }), [S1])).toEqual([
      'not_passed_over',
    ]);
    expect(lateStageEvidenceProblems(at5, entry({ stage: 'tour', sessionIds: [FOREIGN] }), [S1])).toEqual([
      'evidence_not_in_process',
    ]);
    // A tour walked after the vote that passed over it: a later date is fine.
    expect(
      lateStageEvidenceProblems(at5, entry({ stage: 'tour', reachedAt: '2026-12-01', sessionIds: [S1] }), [
        S1,
      ]),
    ).toEqual([]);
  });

  it('appends a recordedLater entry and leaves the current stage; later transitions ignore its date', () => {
    const patch = applyLateStageEvidence(
      at5,
      entry({ stage: 'collective', reachedAt: '2026-12-01', sessionIds: [S1, S1], note: ' acta ' }),
      [S1],
    );
    expect(patch).toEqual({
      stageHistory: [
        ...at5.stageHistory,
        { stage: 'collective', reachedAt: '2026-12-01', sessionIds: [S1], note: 'acta', recordedLater: true },
      ],
    });
    expect(patch).not.toHaveProperty('stage');
    const after = { ...at5, ...patch };
    // The next transition is dated against the last transition (21 Nov), not the late entry (1 Dec).
    expect(stageEntryProblems(after, entry({ stage: 'vision', reachedAt: '2026-11-25' }), [])).toEqual([]);
    expect(() => applyLateStageEvidence(at5, entry({ stage: 'tour', sessionIds: [] }), [])).toThrow(
      StageTransitionError,
    );
  });
});
