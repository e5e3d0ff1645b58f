import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, unitIdFromKey, type EntityName, type Fields } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { createAgendaDraft, getAgendaVersion } from '../../../src/client/data/agenda.repository';
import {
  BallotNotReadyError,
  getVersionValidation,
  recordBallotValidation,
  startAgendaBallot,
} from '../../../src/client/data/agenda-validations.repository';
import { castVote, listSessionRounds } from '../../../src/client/data/ballots.repository';
import { closeRound, getRound } from '../../../src/client/data/prioritisation.repository';
import { getProcess } from '../../../src/client/data/processes.repository';
import { listProblemChoices } from '../../../src/client/data/traceability.repository';
import { agendaWorld, PROCESS, VALIDATION_ASSEMBLY } from '../../fixtures/agenda';

let db: TequioDb;

async function put(entity: EntityName, record: { id: string } & Fields) {
  const { id, ...fields } = record;
  await writeLocal(db, entity, id, { op: 'put', fields });
}

beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  const world = agendaWorld();
  await put('process', world.process);
  for (const unit of world.units) await put('territorialUnit', { id: unitIdFromKey(unit.key), ...unit });
  for (const s of world.sessions) await put('session', s);
  for (const p of world.problems) await put('problem', p);
  for (const r of world.rounds) await put('round', r);
  for (const b of world.ballots) await put('ballot', b);
  for (const v of world.visions) await put('visionStatement', v);
  for (const p of world.projects) await put('project', p);
  for (const a of world.governmentAreas) await put('governmentArea', a);
});
afterEach(async () => {
  await db.delete();
});

describe('validating the Agenda by pass-the-tablet ballot', () => {
  it('start, vote, close and record: method ballot, counts from the ballots, version validated, stage 9', async () => {
    const versionId = await createAgendaDraft(db, PROCESS, { changelog: 'Para validar' });
    const roundId = await startAgendaBallot(db, { sessionId: VALIDATION_ASSEMBLY, versionId });
    const round = (await getRound(db, roundId))!;
    expect(round).toMatchObject({ agendaVersionId: versionId, method: 'dots', dotsPerPerson: 1 });
    expect(round.options.map((o) => o.title)).toEqual(['A favor', 'En contra', 'Abstención']);

    const [yes, no, abstain] = round.options.map((o) => o.problemId);
    for (const choice of [yes, yes, yes, yes, no, abstain])
      await castVote(db, roundId, { dots: { [choice!]: 1 } });
    await expect(recordBallotValidation(db, { roundId })).rejects.toBeInstanceOf(BallotNotReadyError);
    await closeRound(db, roundId, 'La asamblea votó la Agenda Local');

    const result = await recordBallotValidation(db, { roundId }, new Date('2026-12-05T18:00:00'));
    expect(result.approved).toBe(true);
    expect(await getVersionValidation(db, versionId)).toMatchObject({
      method: 'ballot',
      roundId,
      votes: { for: 4, against: 1, abstain: 1 },
      approved: true,
    });
    expect(await getAgendaVersion(db, versionId)).toMatchObject({
      status: 'validated',
      validationId: result.validationId,
    });
    const process = await getProcess(db, PROCESS);
    expect(process!.stage).toBe('validation');
    expect(process!.stageHistory!.at(-1)).toMatchObject({
      stage: 'validation',
      sessionIds: [VALIDATION_ASSEMBLY],
    });

    // The vote's options are not problems: not in the session's prioritisation rounds nor in the choosers.
    expect(await listSessionRounds(db, VALIDATION_ASSEMBLY)).toEqual([]);
    const choices = await listProblemChoices(db, PROCESS);
    expect(choices.map((c) => c.title)).not.toContain('A favor');
  });
});
