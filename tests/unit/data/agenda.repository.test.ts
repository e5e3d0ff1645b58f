import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, unitIdFromKey, type EntityName, type Fields } from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { ValidationError } from '../../../src/client/data/errors';
import { writeLocal } from '../../../src/client/data/records.repository';
import {
  AgendaFrozenError,
  createAgendaDraft,
  getAgendaVersion,
  listAgendaProjectChoices,
  listAgendaVersions,
  reassembleAgendaDraft,
} from '../../../src/client/data/agenda.repository';
import {
  getVersionValidation,
  listAgendaValidations,
  listSessionValidations,
  recordAgendaValidation,
  ValidationRefusedError,
} from '../../../src/client/data/agenda-validations.repository';
import { getProcess } from '../../../src/client/data/processes.repository';
import {
  agendaWorld,
  CISTERN_ACTION_1,
  CISTERN_ACTION_2,
  CISTERNS,
  CLEANUP,
  LIGHTS,
  PROCESS,
  VALIDATION_ASSEMBLY,
  WORKSHOP,
} from '../../fixtures/agenda';

let db: TequioDb;

async function put(entity: EntityName, record: { id: string } & Fields) {
  const { id, ...fields } = record;
  await writeLocal(db, entity, id, { op: 'put', fields });
}

/** Every record of the fixture's neighbourhood on this device, as a pull would leave them. */
async function seedWorld() {
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
}

beforeEach(async () => {
  db = new TequioDb(`test-${newId()}`);
  await db.open();
  await seedWorld();
});
afterEach(async () => {
  await db.delete();
});

const votes = { for: 15, against: 3, abstain: 2 };

describe('agenda repository', () => {
  it('assembles a draft from the records on the device: units, Collective, diagnosis, vote, vision, projects', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Primera versión para la asamblea' });
    const version = await getAgendaVersion(db, id);
    expect(version).toMatchObject({ processId: PROCESS, number: 1, status: 'draft' });
    const content = version!.content;
    expect(content.units.map((u) => u.name)).toEqual(['Aculco', 'Barrio San Lucas']);
    expect(content.population).toBe(8310);
    expect(content.collective).toEqual({ memberCount: 14, names: ['Guadalupe Hernández', 'Juan Pérez'] });
    expect(content.diagnosis.problemCount).toBe(3);
    expect(content.diagnosis.prioritisation[0]!.rows[0]!.title).toBe('Fugas de agua');
    expect(content.vision.map((v) => v.text)).toEqual([
      'Calles iluminadas y seguras',
      'Un barrio con agua todos los días',
    ]);
    // The community's order, each project followed by its actions; other processes left out.
    expect(content.projects.map((p) => [p.outline, p.title])).toEqual([
      ['1', 'Cisternas comunitarias'],
      ['1.1', 'Instalar la primera cisterna'],
      ['1.2', 'Taller de captación de lluvia'],
      ['2', 'Luminarias en el callejón'],
      ['3', 'Jornada de limpieza'],
    ]);
    const outbox = await db.outbox.where('[entity+recordId]').equals(['agendaVersion', id]).count();
    expect(outbox).toBe(1);
  });

  it('includes only the chosen projects, and lists the choices in the community order', async () => {
    const choices = await listAgendaProjectChoices(db, PROCESS);
    expect(choices.map((c) => c.id)).toEqual([CISTERNS, CISTERN_ACTION_2, CISTERN_ACTION_1, LIGHTS, CLEANUP]);
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Solo luminarias', projectIds: [LIGHTS] });
    expect((await getAgendaVersion(db, id))!.content.projects.map((p) => p.id)).toEqual([LIGHTS]);
  });

  it('refuses a changelog too short and writes nothing', async () => {
    await expect(createAgendaDraft(db, PROCESS, { changelog: 'x' })).rejects.toBeInstanceOf(ValidationError);
    expect(await listAgendaVersions(db, PROCESS)).toEqual([]);
  });

  it('assembles a draft again with what changed, keeping its number', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Primera versión' });
    await put('project', {
      ...agendaWorld().projects.find((p) => p.id === CLEANUP)!,
      title: 'Gran limpieza',
    });
    await reassembleAgendaDraft(db, id, { changelog: 'Con la limpieza corregida' });
    const version = await getAgendaVersion(db, id);
    expect(version).toMatchObject({ number: 1, status: 'draft', changelog: 'Con la limpieza corregida' });
    expect(version!.content.projects.at(-1)!.title).toBe('Gran limpieza');
  });

  it('validation by show of hands freezes the version, moves the process to stage 9 with the session as evidence', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Para validar' });
    const before = (await getAgendaVersion(db, id))!.content;
    const result = await recordAgendaValidation(
      db,
      { versionId: id, sessionId: VALIDATION_ASSEMBLY, votes },
      new Date('2026-12-05T18:00:00'),
    );
    expect(result.approved).toBe(true);

    const version = await getAgendaVersion(db, id);
    expect(version).toMatchObject({ status: 'validated', validationId: result.validationId });
    expect(version!.content).toEqual(before);
    expect(await getVersionValidation(db, id)).toMatchObject({
      method: 'show_of_hands',
      votes,
      attendance: 22,
      approved: true,
      sessionId: VALIDATION_ASSEMBLY,
    });
    const process = await getProcess(db, PROCESS);
    expect(process!.stage).toBe('validation');
    expect(process!.stageHistory!.at(-1)).toMatchObject({
      stage: 'validation',
      reachedAt: '2026-12-05',
      sessionIds: [VALIDATION_ASSEMBLY],
    });
    expect(await listSessionValidations(db, VALIDATION_ASSEMBLY)).toHaveLength(1);

    // Frozen: it cannot be assembled again; the next edit is a new draft, number 2.
    await expect(reassembleAgendaDraft(db, id, { changelog: 'Cambio tardío' })).rejects.toBeInstanceOf(
      AgendaFrozenError,
    );
    const next = await createAgendaDraft(db, PROCESS, { changelog: 'Ajustes tras la asamblea' });
    expect(await getAgendaVersion(db, next)).toMatchObject({ number: 2, status: 'draft' });
    expect((await getAgendaVersion(db, id))!.status).toBe('validated');
  });

  it('a rejection is recorded but neither validates the version nor moves the process', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Para validar' });
    const result = await recordAgendaValidation(db, {
      versionId: id,
      sessionId: VALIDATION_ASSEMBLY,
      votes: { for: 5, against: 10, abstain: 0 },
    });
    expect(result.approved).toBe(false);
    expect((await getAgendaVersion(db, id))!.status).toBe('draft');
    expect((await getProcess(db, PROCESS))!.stage).toBe('projects');
  });

  it('refuses a session that is not an assembly, or more votes than attendees, writing nothing', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Para validar' });
    await expect(
      recordAgendaValidation(db, { versionId: id, sessionId: WORKSHOP, votes }),
    ).rejects.toMatchObject({ problems: ['session_not_assembly'] });
    await expect(
      recordAgendaValidation(db, {
        versionId: id,
        sessionId: VALIDATION_ASSEMBLY,
        votes: { for: 20, against: 3, abstain: 0 },
      }),
    ).rejects.toBeInstanceOf(ValidationRefusedError);
    expect(await listAgendaValidations(db, PROCESS)).toEqual([]);
    expect((await getAgendaVersion(db, id))!.status).toBe('draft');
  });

  it('a correction supersedes the wrong count with its reason; the version stays validated', async () => {
    const id = await createAgendaDraft(db, PROCESS, { changelog: 'Para validar' });
    const first = await recordAgendaValidation(db, { versionId: id, sessionId: VALIDATION_ASSEMBLY, votes });
    await recordAgendaValidation(db, {
      versionId: id,
      sessionId: VALIDATION_ASSEMBLY,
      votes: { for: 16, against: 3, abstain: 1 },
      supersedes: first.validationId,
      reason: 'Se contó mal una mano',
    });
    expect(await listAgendaValidations(db, PROCESS)).toHaveLength(2);
    expect(await getVersionValidation(db, id)).toMatchObject({
      votes: { for: 16, against: 3, abstain: 1 },
      supersedes: first.validationId,
    });
    expect((await getAgendaVersion(db, id))!.status).toBe('validated');
  });
});
