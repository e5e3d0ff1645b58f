import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Problem } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createSession } from '../../../src/client/data/sessions.repository';
import { writeLocal } from '../../../src/client/data/records.repository';
import { ValidationError } from '../../../src/client/data/errors';
import {
  annulBallot,
  castVote,
  countBallots,
  getOwnTally,
  getRoundResult,
  listRoundBallots,
  listSessionRounds,
  recordTally,
} from '../../../src/client/data/ballots.repository';
import {
  RoundRefusedError,
  closeRound,
  createRound,
  listBallotProblems,
} from '../../../src/client/data/prioritisation.repository';
import { aProcess, aSession } from '../../fixtures/sessions';

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

async function aProblem(processId: string, title: string, extra: Partial<Problem> = {}): Promise<string> {
  const id = newId();
  await writeLocal(db, 'problem', id, {
    op: 'put',
    fields: { processId, title, theme: 'water', ...extra },
  });
  return id;
}

/** A process at the self-diagnosis stage, its assembly (22 attending) and three problems. */
async function setUp(stage: 'self_diagnosis' | 'vision' = 'self_diagnosis') {
  const processId = await createProcess(db, aProcess({ stage }));
  const sessionId = await createSession(db, aSession(processId));
  const water = await aProblem(processId, 'Falta de agua');
  const trash = await aProblem(processId, 'Basura en la barranca');
  const lights = await aProblem(processId, 'Calles sin luz');
  return { processId, sessionId, water, trash, lights };
}

async function dotsRound(stacking = true) {
  const ctx = await setUp();
  const roundId = await createRound(db, ctx.sessionId, {
    title: 'Prioridades del barrio',
    problemIds: [ctx.water, ctx.trash, ctx.lights],
    method: 'dots',
    dotsPerPerson: 3,
    allowStacking: stacking,
  });
  return { ...ctx, roundId };
}

describe('rounds', () => {
  it('opens a round in the session with the problems titled as on the ballot', async () => {
    const { processId, sessionId, water, trash, roundId } = await dotsRound();
    const round = (await db.rounds.get(roundId))!.fields;
    expect(round).toMatchObject({
      processId,
      sessionId,
      method: 'dots',
      dotsPerPerson: 3,
      allowStacking: true,
      status: 'open',
      options: [
        { problemId: water, title: 'Falta de agua' },
        { problemId: trash, title: 'Basura en la barranca' },
        expect.anything(),
      ],
    });
    expect((await listSessionRounds(db, sessionId)).map((s) => s.round.id)).toEqual([roundId]);
  });

  it('refuses a problem of another process and a ballot with a single problem', async () => {
    const { sessionId, water } = await setUp();
    const otherProcess = await createProcess(db, aProcess({ name: 'Otro proceso' }));
    const foreign = await aProblem(otherProcess, 'Problema ajeno');
    await expect(
      createRound(db, sessionId, { title: 'Ronda', problemIds: [water, foreign], method: 'ranking' }),
    ).rejects.toMatchObject({ reason: 'problem_not_in_process' });
    await expect(
      createRound(db, sessionId, { title: 'Ronda', problemIds: [water], method: 'ranking' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.rounds.count()).toBe(0);
  });

  it('lists the process problems that can go on a ballot, without merged ones', async () => {
    const { processId, water } = await setUp();
    await aProblem(processId, 'Falta de agua potable', { mergedIntoId: water });
    expect((await listBallotProblems(db, processId)).map((p) => p.title)).toEqual([
      'Basura en la barranca',
      'Calles sin luz',
      'Falta de agua',
    ]);
  });
});

describe('votes', () => {
  it('stores valid votes as new records, numbers them and tallies them with ties', async () => {
    const { roundId, water, trash, lights } = await dotsRound();
    expect(await castVote(db, roundId, { dots: { [water]: 2, [trash]: 1 } })).toMatchObject({ number: 1 });
    expect(await castVote(db, roundId, { dots: { [trash]: 2, [lights]: 0 } })).toMatchObject({ number: 2 });
    expect(await countBallots(db, roundId)).toBe(2);
    const stored = await db.ballots.toArray();
    expect(stored.map((b) => b.fields.kind)).toEqual(['vote', 'vote']);
    // Zero counts are not stored.
    expect(stored.some((b) => Object.keys(b.fields.dots as object).includes(lights))).toBe(false);

    const view = (await getRoundResult(db, roundId))!;
    expect(view.attendance).toBe(22);
    expect(view.result.participants).toBe(2);
    expect(view.result.turnout?.ratio).toBeCloseTo(2 / 22);
    expect(view.result.rows.map((r) => [r.title, r.points, r.rank, r.tied])).toEqual([
      ['Basura en la barranca', 3, 1, false],
      ['Falta de agua', 2, 2, false],
      ['Calles sin luz', 0, 3, false],
    ]);
    await castVote(db, roundId, { dots: { [water]: 1 } });
    const tied = (await getRoundResult(db, roundId))!.result;
    expect(tied.hasTies).toBe(true);
    expect(tied.rows.slice(0, 2).map((r) => [r.rank, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it('refuses too many dots, stacked dots when not allowed, and an empty ballot, writing nothing', async () => {
    const { roundId, water, trash } = await dotsRound(false);
    await expect(castVote(db, roundId, { dots: { [water]: 4 } })).rejects.toMatchObject({
      reason: 'too_many_dots',
    });
    await expect(castVote(db, roundId, { dots: { [water]: 2, [trash]: 1 } })).rejects.toMatchObject({
      reason: 'stacked_dots',
    });
    await expect(castVote(db, roundId, { dots: {} })).rejects.toBeInstanceOf(RoundRefusedError);
    await expect(castVote(db, roundId, { ranking: [water, trash] })).rejects.toMatchObject({
      reason: 'wrong_method',
    });
    expect(await db.ballots.count()).toBe(0);
    expect(await db.outbox.where('entity').equals('ballot').count()).toBe(0);
  });

  it('scores ranking rounds with Borda points', async () => {
    const { sessionId, water, trash, lights } = await setUp();
    const roundId = await createRound(db, sessionId, {
      title: 'Orden de prioridades',
      problemIds: [water, trash, lights],
      method: 'ranking',
    });
    await castVote(db, roundId, { ranking: [lights, water, trash] });
    await castVote(db, roundId, { ranking: [lights, trash] });
    const rows = (await getRoundResult(db, roundId))!.result.rows;
    expect(rows.map((r) => [r.title, r.points])).toEqual([
      ['Calles sin luz', 4],
      ['Basura en la barranca', 1],
      ['Falta de agua', 1],
    ]);
  });
});

describe('board tallies and corrections', () => {
  it('a recount supersedes the previous tally instead of adding to it', async () => {
    const { roundId, water, trash } = await dotsRound();
    await castVote(db, roundId, { dots: { [water]: 3 } });
    const first = await recordTally(db, roundId, { dots: { [water]: 10, [trash]: 5 }, participants: 6 });
    expect((await getOwnTally(db, roundId))?.id).toBe(first);
    const second = await recordTally(db, roundId, {
      dots: { [water]: 9, [trash]: 6 },
      participants: 7,
      supersedes: first,
    });
    expect((await getOwnTally(db, roundId))?.id).toBe(second);
    const { result } = (await getRoundResult(db, roundId))!;
    expect(result.participants).toBe(8);
    expect(result.corrected).toBe(1);
    expect(result.rows.find((r) => r.problemId === water)?.points).toBe(12);
    expect(result.rows.find((r) => r.problemId === trash)?.points).toBe(6);
    // Both tallies are kept as written: the first is never edited.
    expect((await db.ballots.get(first))!.fields).toMatchObject({ participants: 6, dots: { [water]: 10 } });
    const list = await listRoundBallots(db, roundId);
    expect(list.map((b) => [b.number, b.kind, b.state])).toEqual([
      [1, 'vote', 'current'],
      [2, 'tally', 'corrected'],
      [3, 'tally', 'current'],
    ]);
  });

  it('refuses a tally with more dots than the people counted could place, or in a non-dots round', async () => {
    const { roundId, water, sessionId, trash } = await dotsRound();
    await expect(recordTally(db, roundId, { dots: { [water]: 7 }, participants: 2 })).rejects.toMatchObject({
      reason: 'tally_exceeds_participants',
    });
    const ranking = await createRound(db, sessionId, {
      title: 'Orden',
      problemIds: [water, trash],
      method: 'ranking',
    });
    await expect(recordTally(db, ranking, { dots: { [water]: 1 }, participants: 1 })).rejects.toMatchObject({
      reason: 'not_dots',
    });
  });
});

describe('annulments', () => {
  it('annuls a vote with its reason as a new record; the result and the list change', async () => {
    const { roundId, water, trash } = await dotsRound();
    const { id: first } = await castVote(db, roundId, { dots: { [water]: 3 } });
    await castVote(db, roundId, { dots: { [trash]: 1 } });
    await expect(annulBallot(db, first, '  ')).rejects.toBeInstanceOf(ValidationError);
    await annulBallot(db, first, 'Votó dos veces');
    const { result } = (await getRoundResult(db, roundId))!;
    expect(result.participants).toBe(1);
    expect(result.annulled).toBe(1);
    expect(result.rows.find((r) => r.problemId === water)?.points).toBe(0);
    expect((await db.ballots.get(first))!.fields).toMatchObject({ kind: 'vote', dots: { [water]: 3 } });
    const list = await listRoundBallots(db, roundId);
    expect(list.map((b) => [b.number, b.state, b.reason])).toEqual([
      [1, 'annulled', 'Votó dos veces'],
      [2, 'current', undefined],
    ]);
    await expect(annulBallot(db, first, 'Otra vez')).rejects.toMatchObject({ reason: 'already_annulled' });
  });
});

describe('closing a round', () => {
  it('closes, writes the agreement to the session and moves the process to prioritisation once', async () => {
    const { roundId, processId, sessionId, water, trash, lights } = await dotsRound();
    await castVote(db, roundId, { dots: { [water]: 3 } });
    await closeRound(db, roundId, 'Prioridades de «Prioridades del barrio»: 1. Falta de agua (3 puntos)');

    const round = (await db.rounds.get(roundId))!.fields;
    expect(round.status).toBe('closed');
    expect(typeof round.closedAt).toBe('string');
    const session = (await db.sessions.get(sessionId))!.fields as { agreements: unknown[] };
    expect(session.agreements).toHaveLength(2);
    expect(session.agreements[1]).toMatchObject({
      text: 'Prioridades de «Prioridades del barrio»: 1. Falta de agua (3 puntos)',
      responsible: 'Asamblea',
      status: 'done',
    });
    const process = (await db.processes.get(processId))!.fields;
    expect(process.stage).toBe('prioritisation');
    expect(process.stageHistory).toEqual([
      expect.objectContaining({ stage: 'prioritisation', sessionIds: [sessionId] }),
    ]);

    // A closed round takes no more votes, annulments or closing.
    await expect(castVote(db, roundId, { dots: { [water]: 1 } })).rejects.toMatchObject({
      reason: 'round_closed',
    });
    await expect(closeRound(db, roundId, 'Otra vez')).rejects.toMatchObject({ reason: 'round_closed' });

    // A second round closed later leaves the stage alone.
    const second = await createRound(db, sessionId, {
      title: 'Segunda ronda',
      problemIds: [trash, lights],
      method: 'ranking',
    });
    await castVote(db, second, { ranking: [trash, lights] });
    await closeRound(db, second, 'Prioridades de «Segunda ronda»: 1. Basura en la barranca (1 punto)');
    const after = (await db.processes.get(processId))!.fields;
    expect(after.stageHistory).toHaveLength(1);
    const processMutations = await db.outbox.where('entity').equals('process').count();
    expect(processMutations).toBe(2); // created, then moved once
  });

  it('does not move a process that is already past prioritisation', async () => {
    const { processId, sessionId, water, trash } = await setUp('vision');
    const roundId = await createRound(db, sessionId, {
      title: 'Ronda tardía',
      problemIds: [water, trash],
      method: 'ranking',
    });
    await closeRound(db, roundId, 'Prioridades de «Ronda tardía»: sin votos');
    expect((await db.processes.get(processId))!.fields.stage).toBe('vision');
  });
});
