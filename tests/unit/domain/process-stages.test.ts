import { describe, expect, it } from 'vitest';
import type { StageEntry } from '../../../src/domain';
import {
  StageTransitionError,
  applyStageEntry,
  isBackwards,
  latestEntryByStage,
  nextStage,
  stageEntryProblems,
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
