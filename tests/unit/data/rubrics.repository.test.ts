import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_RUBRIC_TEMPLATES,
  currentScores,
  newId,
  unitIdFromKey,
  type RubricScore,
} from '../../../src/domain';
import { TequioDb } from '../../../src/client/data/db';
import { createDirectorate } from '../../../src/client/data/territory.repository';
import { createProcess } from '../../../src/client/data/processes.repository';
import { ValidationError } from '../../../src/client/data/errors';
import { writeLocal } from '../../../src/client/data/records.repository';
import {
  computeRubricAverages,
  correctScore,
  createTemplate,
  listActiveTemplates,
  listApplicableTemplates,
  listProcessScores,
  listSessionScores,
  listTemplates,
  retireTemplate,
  saveTemplateVersion,
  scoreRubric,
  type RubricTemplateInput,
} from '../../../src/client/data/rubrics.repository';

const SELF_DIAGNOSIS = DEFAULT_RUBRIC_TEMPLATES.find((t) => t.moment === 'self_diagnosis')!;
const ASSEMBLY = DEFAULT_RUBRIC_TEMPLATES.find((t) => t.sessionType === 'community_assembly')!;
const SQUARE = [
  [
    [-99.06, 19.35],
    [-99.05, 19.35],
    [-99.05, 19.36],
    [-99.06, 19.35],
  ],
];

let db: TequioDb;
beforeEach(async () => {
  db = new TequioDb(`rubrics-${newId()}`);
  await db.open();
  await db.setMeta('account', {
    token: 'token',
    user: {
      id: 'user-7',
      username: 'rosa',
      displayName: 'Rosa',
      role: 'coordinator',
      scope: { kind: 'borough' },
    },
  });
  // The default templates, as the first pull leaves them on a device.
  for (const { id, ...fields } of DEFAULT_RUBRIC_TEMPLATES)
    await writeLocal(db, 'rubricTemplate', id, { op: 'put', fields });
  await db.outbox.clear();
});
afterEach(async () => {
  await db.delete();
});

function inputFrom(template: typeof ASSEMBLY): RubricTemplateInput {
  const { family: _family, version: _version, active: _active, id: _id, ...rest } = template;
  return rest;
}

function allLevels(template: typeof ASSEMBLY, level: number): Record<string, number> {
  return Object.fromEntries(template.criteria.map((c) => [c.id, level]));
}

describe('rubric templates', () => {
  it('offers the active templates for a session type or a moment', async () => {
    expect((await listActiveTemplates(db)).map((t) => t.name)).toHaveLength(5);
    expect((await listApplicableTemplates(db, { moment: 'self_diagnosis' })).map((t) => t.id)).toEqual([
      SELF_DIAGNOSIS.id,
    ]);
    expect(
      (await listApplicableTemplates(db, { sessionType: 'community_assembly' })).map((t) => t.id),
    ).toEqual([ASSEMBLY.id]);
    expect(await listApplicableTemplates(db, { sessionType: 'radio_bocina' })).toEqual([]);
  });

  it('creates a template as version 1 of a new family', async () => {
    const id = await createTemplate(db, {
      name: 'Radio bocina',
      kind: 'product',
      appliesTo: 'session',
      sessionType: 'radio_bocina',
      criteria: [{ id: 'alcance', label: 'Alcance', levels: ['Poco', 'Algo', 'Bastante', 'Todo el barrio'] }],
    });
    const [created] = await listApplicableTemplates(db, { sessionType: 'radio_bocina' });
    expect(created).toMatchObject({ id, version: 1, active: true, moment: null });
    expect(created!.family).not.toBe(ASSEMBLY.family);
    expect(await db.outbox.count()).toBe(1);
  });

  it('saves an edit as version 2 of the same family and keeps version 1 as it was', async () => {
    const edited = inputFrom(ASSEMBLY);
    edited.criteria = [...edited.criteria.slice(0, 3)];
    const v2 = await saveTemplateVersion(db, ASSEMBLY.id, edited);

    const active = await listApplicableTemplates(db, { sessionType: 'community_assembly' });
    expect(active.map((t) => [t.id, t.version])).toEqual([[v2, 2]]);
    expect(active[0]!.family).toBe(ASSEMBLY.family);
    const v1 = (await listTemplates(db)).find((t) => t.id === ASSEMBLY.id)!;
    expect(v1).toMatchObject({ version: 1, active: true, criteria: ASSEMBLY.criteria });
    // Editing from the old version still goes past the newest one.
    const v3 = await saveTemplateVersion(db, ASSEMBLY.id, edited);
    expect((await listTemplates(db)).find((t) => t.id === v3)?.version).toBe(3);
  });

  it('retires a template: its newest version stops being offered', async () => {
    const v2 = await saveTemplateVersion(db, ASSEMBLY.id, inputFrom(ASSEMBLY));
    await retireTemplate(db, ASSEMBLY.id);
    expect(await listApplicableTemplates(db, { sessionType: 'community_assembly' })).toEqual([]);
    expect((await listTemplates(db)).find((t) => t.id === v2)?.active).toBe(false);
  });
});

describe('rubric scores', () => {
  it('records who scored, when and with which version, append-only', async () => {
    const processId = newId();
    const id = await scoreRubric(db, {
      processId,
      templateId: SELF_DIAGNOSIS.id,
      target: 'moment',
      moment: 'self_diagnosis',
      levels: allLevels(SELF_DIAGNOSIS, 3),
      comment: '  Buen trabajo  ',
      interviews: [{ id: 'i1', kind: 'group', text: 'Vecinas del mercado', participants: 6 }],
    });
    const row = await db.rubricScores.get(id);
    expect(row?.fields).toMatchObject({
      scoredBy: 'user-7',
      templateVersion: 1,
      comment: 'Buen trabajo',
      sessionId: null,
      supersedes: null,
    });
    const [outbox] = await db.outbox.toArray();
    expect(outbox).toMatchObject({ entity: 'rubricScore', recordId: id, op: 'put' });
  });

  it('refuses levels for criteria the template does not have, or out of range', async () => {
    const base = {
      processId: newId(),
      templateId: SELF_DIAGNOSIS.id,
      target: 'moment' as const,
      moment: 'planning' as const,
    };
    await expect(scoreRubric(db, { ...base, levels: { otro: 2 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(scoreRubric(db, { ...base, levels: { problemas: 5 } })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db.rubricScores.count()).toBe(0);
  });

  it('a correction is a new record; the current scores keep the correction only', async () => {
    const processId = newId();
    const sessionId = newId();
    const first = await scoreRubric(db, {
      processId,
      templateId: ASSEMBLY.id,
      target: 'session',
      sessionId,
      levels: allLevels(ASSEMBLY, 1),
    });
    const before = structuredClone((await db.rubricScores.get(first))!.fields);
    const fixed = await correctScore(db, first, { templateId: ASSEMBLY.id, levels: allLevels(ASSEMBLY, 4) });

    expect((await db.rubricScores.get(first))!.fields).toEqual(before);
    expect((await db.rubricScores.get(fixed))!.fields).toMatchObject({
      supersedes: first,
      sessionId,
      processId,
    });
    const all = (await db.rubricScores.toArray()).map((r) => ({ ...(r.fields as RubricScore), id: r.id }));
    expect(currentScores(all).map((s) => s.id)).toEqual([fixed]);
    const history = await listProcessScores(db, processId);
    expect(history.map((h) => [h.score.id, h.mean, h.template?.name])).toEqual([[fixed, 4, ASSEMBLY.name]]);
    expect((await listSessionScores(db, sessionId)).map((h) => h.score.id)).toEqual([fixed]);
  });

  it('an old score keeps reading against the version it used', async () => {
    const processId = newId();
    await scoreRubric(db, {
      processId,
      templateId: ASSEMBLY.id,
      target: 'session',
      sessionId: newId(),
      levels: allLevels(ASSEMBLY, 2),
    });
    const edited = inputFrom(ASSEMBLY);
    edited.name = 'Asamblea comunitaria (revisada)';
    await saveTemplateVersion(db, ASSEMBLY.id, edited);
    const [item] = await listProcessScores(db, processId);
    expect(item?.score.templateVersion).toBe(1);
    expect(item?.template).toMatchObject({ id: ASSEMBLY.id, name: 'Asamblea comunitaria', version: 1 });
  });
});

describe('rubric averages', () => {
  it('averages by directorate (of the process’s first known unit), by moment and by criterion', async () => {
    const east = await createDirectorate(db, { name: 'Dirección Territorial 7', number: 7 });
    await writeLocal(db, 'territorialUnit', unitIdFromKey('07-101'), {
      op: 'put',
      fields: {
        key: '07-101',
        name: 'San Lorenzo',
        population: 1000,
        prioritised: false,
        directorateId: east,
        geometry: { type: 'Polygon', coordinates: SQUARE },
      },
    });
    const inEast = await createProcess(db, {
      name: 'San Lorenzo',
      unitKeys: ['07-999', '07-101'],
      stage: 'tour',
    });
    const elsewhere = await createProcess(db, {
      name: 'Sin territorio',
      unitKeys: ['07-555'],
      stage: 'tour',
    });
    const moment = (processId: string, level: number) =>
      scoreRubric(db, {
        processId,
        templateId: SELF_DIAGNOSIS.id,
        target: 'moment',
        moment: 'self_diagnosis',
        levels: allLevels(SELF_DIAGNOSIS, level),
      });
    await moment(inEast, 2);
    const wrong = await moment(inEast, 1);
    await correctScore(db, wrong, { templateId: SELF_DIAGNOSIS.id, levels: allLevels(SELF_DIAGNOSIS, 4) });
    await moment(elsewhere, 1);

    const averages = await computeRubricAverages(db);
    expect(averages.byDirectorate).toEqual(
      expect.arrayContaining([
        { key: east, label: 'Dirección Territorial 7', mean: 3, count: 2 },
        { key: 'none', label: '', mean: 1, count: 1 },
      ]),
    );
    expect(averages.byMoment).toEqual([
      { key: 'self_diagnosis', label: 'self_diagnosis', moment: 'self_diagnosis', mean: 7 / 3, count: 3 },
    ]);
    const problems = averages.byCriterion.find((c) => c.label === 'Identificación de problemas');
    expect(problems).toMatchObject({ count: 3, mean: 7 / 3, templateName: SELF_DIAGNOSIS.name });
  });
});
