import { describe, expect, it } from 'vitest';
import {
  activeTemplates,
  currentScores,
  DEFAULT_RUBRIC_TEMPLATES,
  defaultFamilyId,
  defaultTemplateId,
  MOMENTS,
  rubricAverages,
  rubricScoreSchema,
  rubricTemplateSchema,
  scoreMean,
  type RubricCriterion,
  type ScoreRecord,
  type TemplateRecord,
} from '../../../src/domain';

const uuid = (prefix: string, n: number) => `${prefix}0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour, minute)).toISOString();

const levels: RubricCriterion['levels'] = ['Inicial', 'En proceso', 'Logrado', 'Destacado'];
const criterion = (id: string, label: string): RubricCriterion => ({ id, label, levels });

const F1 = uuid('a', 1);
const F2 = uuid('a', 2);
const F3 = uuid('a', 3);
const T1v1 = uuid('b', 11);
const T1v2 = uuid('b', 12);
const T2 = uuid('b', 2);
const T3v1 = uuid('b', 31);
const T3v2 = uuid('b', 32);

function template(id: string, fields: Partial<TemplateRecord>): TemplateRecord {
  return {
    id,
    name: 'Asamblea comunitaria',
    kind: 'product',
    appliesTo: 'session',
    sessionType: 'community_assembly',
    family: F1,
    version: 1,
    active: true,
    criteria: [criterion('c1', 'Convocatoria')],
    ...fields,
  };
}

const templates: TemplateRecord[] = [
  template(T1v1, { active: false, criteria: [criterion('c1', 'Convocatoria'), criterion('c2', 'Acuerdos')] }),
  template(T1v2, {
    version: 2,
    criteria: [criterion('c1', 'Convocatoria'), criterion('c2', 'Acuerdos'), criterion('c3', 'Deliberación')],
  }),
  template(T2, {
    name: 'Momento 1: Autodiagnóstico',
    appliesTo: 'moment',
    sessionType: null,
    moment: 'self_diagnosis',
    family: F2,
    criteria: [criterion('p', 'Problemas')],
  }),
  template(T3v1, {
    name: 'Momento 3: Planeación',
    appliesTo: 'moment',
    sessionType: null,
    moment: 'planning',
    family: F3,
    criteria: [criterion('q', 'Claridad'), criterion('r', 'Corresponsabilidad')],
  }),
  // The Unit retired the planning rubric in its second version.
  template(T3v2, {
    name: 'Momento 3: Planeación',
    appliesTo: 'moment',
    sessionType: null,
    moment: 'planning',
    family: F3,
    version: 2,
    active: false,
    criteria: [criterion('q', 'Claridad')],
  }),
];

const P1 = uuid('c', 1); // Dirección Norte
const P2 = uuid('c', 2); // Dirección Sur
const P3 = uuid('c', 3); // no directorate
const SESSION = uuid('d', 1);

function score(n: number, fields: Partial<ScoreRecord>): ScoreRecord {
  return {
    id: uuid('e', n),
    processId: P1,
    templateId: T1v1,
    templateVersion: 1,
    target: 'session',
    sessionId: SESSION,
    levels: {},
    scoredAt: at(10),
    scoredBy: 'user-1',
    ...fields,
  };
}
const moment = (n: number, templateId: string, m: ScoreRecord['moment'], fields: Partial<ScoreRecord>) =>
  score(n, { templateId, target: 'moment', sessionId: null, moment: m, ...fields });

const scores: ScoreRecord[] = [
  score(1, { levels: { c1: 2, c2: 4 }, scoredAt: at(10) }), // mean 3
  score(2, {
    processId: P2,
    templateId: T1v2,
    templateVersion: 2,
    levels: { c1: 4, c2: 2, c3: 3 },
    scoredAt: at(11),
  }), // mean 3
  moment(3, T2, 'self_diagnosis', { levels: { p: 1 }, scoredAt: at(12) }), // mean 1
  moment(4, T2, 'self_diagnosis', { levels: { p: 2 }, scoredAt: at(12, 30) }), // corrected by 5
  moment(5, T2, 'self_diagnosis', { levels: { p: 4 }, scoredAt: at(13), supersedes: uuid('e', 4) }), // mean 4
  moment(6, T2, 'self_diagnosis', { processId: P3, levels: { p: 3 }, scoredAt: at(14) }), // mean 3
  moment(7, T3v1, 'planning', { levels: { q: 2, r: 3 }, scoredAt: at(15) }), // mean 2.5
];

const directorates: Record<string, { id: string; name: string } | null> = {
  [P1]: { id: 'dir-n', name: 'Dirección Norte' },
  [P2]: { id: 'dir-s', name: 'Dirección Sur' },
  [P3]: null,
};

describe('currentScores and scoreMean', () => {
  it('drops corrected scores and lists the rest oldest first, whatever the input order', () => {
    const ids = (list: ScoreRecord[]) => list.map((s) => s.id);
    const expected = [1, 2, 3, 5, 6, 7].map((n) => uuid('e', n));
    expect(ids(currentScores(scores))).toEqual(expected);
    expect(ids(currentScores([...scores].reverse()))).toEqual(expected);
  });

  it('orders by instant, whatever the written precision of the time', () => {
    const early = score(1, { scoredAt: '2026-11-20T10:00:00Z' });
    const later = score(2, { scoredAt: '2026-11-20T10:00:00.500Z' });
    expect(currentScores([later, early]).map((s) => s.id)).toEqual([early.id, later.id]);
  });

  it('averages the levels a score gave', () => {
    expect(scoreMean({ levels: { a: 1, b: 2, c: 4 } })).toBeCloseTo(7 / 3, 12); // (1 + 2 + 4) / 3
    expect(scoreMean({ levels: { a: 4 } })).toBe(4);
    expect(scoreMean({ levels: {} })).toBe(0);
  });
});

describe('rubricAverages', () => {
  const result = rubricAverages(scores, templates, (processId) => directorates[processId] ?? null);

  it('averages each criterion across the versions of its template family', () => {
    expect(result.byCriterion.map((a) => [a.templateName, a.label, a.mean, a.count])).toEqual([
      // Family 1: Convocatoria 2 (v1) and 4 (v2) → 3; Acuerdos 4 and 2 → 3; Deliberación only in v2 → 3.
      ['Asamblea comunitaria', 'Acuerdos', 3, 2],
      ['Asamblea comunitaria', 'Convocatoria', 3, 2],
      ['Asamblea comunitaria', 'Deliberación', 3, 1],
      // Problemas: 1 (score 3) + 4 (score 5, which corrected the 2) + 3 (score 6) = 8 → 8/3.
      ['Momento 1: Autodiagnóstico', 'Problemas', 8 / 3, 3],
      ['Momento 3: Planeación', 'Claridad', 2, 1],
      ['Momento 3: Planeación', 'Corresponsabilidad', 3, 1],
    ]);
    expect(result.byCriterion.map((a) => a.key)).toContain(`${F1}:c1`);
  });

  it('averages score means by moment', () => {
    // self_diagnosis: (1 + 4 + 3) / 3 = 8/3; planning: (2 + 3) / 2 = 2.5.
    expect(result.byMoment.map((a) => [a.moment, a.mean, a.count])).toEqual([
      ['planning', 2.5, 1],
      ['self_diagnosis', 8 / 3, 3],
    ]);
  });

  it('averages score means by the directorate of the scored process', () => {
    // Norte (P1): scores 1 (3), 3 (1), 5 (4), 7 (2.5) → 10.5 / 4 = 2.625. Sur (P2): score 2 (3).
    // Without a directorate (P3): score 6 (3), under the key `none`.
    expect(result.byDirectorate.map((a) => [a.key, a.label, a.mean, a.count])).toEqual([
      ['none', '', 3, 1],
      ['dir-n', 'Dirección Norte', 2.625, 4],
      ['dir-s', 'Dirección Sur', 3, 1],
    ]);
  });

  it('keeps a score whose template is not held, under its template id and criterion ids', () => {
    const orphan = score(9, { templateId: uuid('b', 99), levels: { x: 2 } });
    const out = rubricAverages([orphan], templates, () => null);
    expect(out.byCriterion).toEqual([
      { key: `${uuid('b', 99)}:x`, label: 'x', templateName: '', mean: 2, count: 1 },
    ]);
  });
});

describe('activeTemplates', () => {
  it('offers the newest version of each family, leaving out retired families', () => {
    expect(activeTemplates(templates).map((t) => t.id)).toEqual([T1v2, T2]);
    expect(activeTemplates([...templates].reverse()).map((t) => t.id)).toEqual([T1v2, T2]);
  });
});

describe('rubric template schema', () => {
  const valid = () => {
    const { id: _id, ...fields } = template(T1v1, {});
    return fields;
  };
  const messages = (value: unknown) =>
    rubricTemplateSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('accepts a complete template', () => {
    expect(rubricTemplateSchema.safeParse(valid()).success).toBe(true);
  });

  it('needs the session type or the moment it applies to, and distinct criteria, in Spanish', () => {
    expect(messages({ ...valid(), sessionType: null })).toEqual([['sessionType', 'Elige el tipo de sesión']]);
    expect(messages({ ...valid(), appliesTo: 'moment', sessionType: null })).toEqual([
      ['moment', 'Elige el momento'],
    ]);
    expect(messages({ ...valid(), criteria: [criterion('c1', 'Uno'), criterion('c1', 'Otro')] })).toEqual([
      ['criteria', 'Hay criterios repetidos'],
    ]);
  });

  it('needs exactly four level descriptors per criterion', () => {
    const three = { ...criterion('c1', 'Convocatoria'), levels: ['a1', 'a2', 'a3'] };
    expect(rubricTemplateSchema.safeParse({ ...valid(), criteria: [three] }).success).toBe(false);
    expect(rubricTemplateSchema.safeParse({ ...valid(), criteria: [] }).success).toBe(false);
  });
});

describe('rubric score schema', () => {
  const valid = () => {
    const { id: _id, ...fields } = score(1, { levels: { c1: 3 } });
    return fields;
  };
  const messages = (value: unknown) =>
    rubricScoreSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);

  it('accepts a complete score, with interview notes', () => {
    expect(rubricScoreSchema.safeParse(valid()).success).toBe(true);
    const withInterview = {
      ...valid(),
      interviews: [
        { id: 'i1', kind: 'group', text: 'Las vecinas reconocen los problemas.', participants: 8 },
      ],
    };
    expect(rubricScoreSchema.safeParse(withInterview).success).toBe(true);
  });

  it('needs a rated criterion, the session or the moment, in Spanish', () => {
    expect(messages({ ...valid(), levels: {} })).toEqual([['levels', 'Califica al menos un criterio']]);
    expect(messages({ ...valid(), sessionId: null })).toEqual([['sessionId', 'Falta la sesión']]);
    expect(messages({ ...valid(), target: 'moment' })).toEqual([['moment', 'Falta el momento']]);
  });

  it('refuses levels outside 1–4', () => {
    expect(rubricScoreSchema.safeParse({ ...valid(), levels: { c1: 5 } }).success).toBe(false);
    expect(rubricScoreSchema.safeParse({ ...valid(), levels: { c1: 0 } }).success).toBe(false);
    expect(rubricScoreSchema.safeParse({ ...valid(), levels: { c1: 2.5 } }).success).toBe(false);
  });
});

describe('default rubric templates', () => {
  it('ships five valid templates with stable, distinct ids and families', () => {
    expect(DEFAULT_RUBRIC_TEMPLATES).toHaveLength(5);
    for (const { id: _id, ...fields } of DEFAULT_RUBRIC_TEMPLATES) {
      const parsed = rubricTemplateSchema.safeParse(fields);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const ids = DEFAULT_RUBRIC_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(5);
    expect(new Set(DEFAULT_RUBRIC_TEMPLATES.map((t) => t.family)).size).toBe(5);
    expect(ids[0]).toBe(defaultTemplateId('asamblea-comunitaria'));
    expect(DEFAULT_RUBRIC_TEMPLATES[0]!.family).toBe(defaultFamilyId('asamblea-comunitaria'));
    // Derived from the slug, so every server and device agrees on them.
    expect(defaultTemplateId('asamblea-comunitaria')).toBe(defaultTemplateId('asamblea-comunitaria'));
    expect(defaultTemplateId('asamblea-comunitaria', 2)).not.toBe(ids[0]);
    expect(DEFAULT_RUBRIC_TEMPLATES.every((t) => t.version === 1 && t.active)).toBe(true);
  });

  it('covers each of the three moments once', () => {
    const moments = DEFAULT_RUBRIC_TEMPLATES.filter((t) => t.appliesTo === 'moment').map((t) => t.moment);
    expect(moments.sort()).toEqual([...MOMENTS].sort());
  });
});
