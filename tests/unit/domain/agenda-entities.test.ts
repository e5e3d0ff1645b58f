import { describe, expect, it } from 'vitest';
import {
  agendaValidationSchema,
  agendaVersionSchema,
  assembleAgenda,
  DEFAULT_GOVERNMENT_AREAS,
  declaredFields,
  entities,
  findUnknownKeys,
  governmentAreaSchema,
  projectSchema,
  visionStatementSchema,
  type AgendaValidation,
  type Fields,
} from '../../../src/domain';
import { agendaWorld, aProject, ASSEMBLY, PROCESS, WATER, WORKSHOP } from '../../fixtures/agenda';

const VERSION = '90000000-0000-4000-8000-000000000001';
const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('vision statement schema', () => {
  it('accepts a statement in a thematic area, with problems it answers and photos', () => {
    const ok = visionStatementSchema.safeParse({
      processId: PROCESS,
      sessionId: WORKSHOP,
      text: 'Un barrio con agua todos los días',
      theme: 'water',
      problemIds: [WATER],
      photos: [{ sha256: 'b'.repeat(64), mime: 'image/jpeg' }],
    });
    expect(ok.success).toBe(true);
  });

  it('refuses a missing session, an unknown area and a problem named twice, in Spanish', () => {
    const r = visionStatementSchema.safeParse({
      processId: PROCESS,
      text: 'Un barrio con agua',
      theme: 'rivers',
      problemIds: [WATER, WATER],
    });
    expect(paths(r)).toEqual(expect.arrayContaining(['sessionId', 'theme']));
    const twice = visionStatementSchema.safeParse({
      processId: PROCESS,
      sessionId: WORKSHOP,
      text: 'Un barrio con agua',
      theme: 'water',
      problemIds: [WATER, WATER],
    });
    expect(twice.error?.issues[0]).toMatchObject({
      path: ['problemIds'],
      message: 'Un problema aparece dos veces',
    });
  });
});

describe('project schema', () => {
  it('accepts a co-managed project with its areas, place and commitments', () => {
    const { projects } = agendaWorld();
    for (const { id: _id, ...project } of projects)
      expect(projectSchema.safeParse(project).success).toBe(true);
  });

  it('needs a government area unless self-managed, and names the party of each commitment', () => {
    const r = projectSchema.safeParse(
      aProject({
        managementMode: 'co_managed',
        commitments: [
          { id: 'a', who: { kind: 'resident_group' }, what: 'Convocar', dueDate: '2027-01-01' },
          { id: 'b', who: { kind: 'government_area' }, what: 'Presupuestar', dueDate: '2027-01-01' },
          {
            id: 'c',
            who: { kind: 'collective', governmentAreaId: DEFAULT_GOVERNMENT_AREAS[0]!.id },
            what: 'Dar seguimiento',
            dueDate: '2027-01-01',
          },
        ],
      }),
    );
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['commitments.0.who.name', 'Escribe el nombre del grupo'],
      ['commitments.1.who.governmentAreaId', 'Elige el área de gobierno'],
      ['commitments.2.who.governmentAreaId', 'Solo un área de gobierno lleva área de gobierno'],
      ['governmentAreaIds', 'Indica al menos un área de gobierno responsable'],
    ]);
  });

  it('refuses an empty place, a bad unit key, repeated links and commitments, and a commitment with no date', () => {
    const r = projectSchema.safeParse(
      aProject({
        where: { unitKeys: [] },
        problemIds: [WATER, WATER],
        commitments: [
          { id: 'a', who: { kind: 'collective' }, what: 'Convocar', dueDate: '2027-01-01' },
          { id: 'a', who: { kind: 'collective' }, what: 'Convocar', dueDate: '2027-01-01' },
        ],
      }),
    );
    expect(paths(r)).toEqual(['where.unitKeys', 'problemIds', 'commitments']);
    expect(r.error?.issues[0]?.message).toBe('Indica las unidades territoriales o un punto en el mapa');
    const noDate = projectSchema.safeParse(
      aProject({ commitments: [{ id: 'a', who: { kind: 'collective' }, what: 'Convocar' } as never] }),
    );
    expect(paths(noDate)).toEqual(['commitments.0.dueDate']);
    expect(projectSchema.safeParse(aProject({ where: { unitKeys: ['Aculco'] } })).success).toBe(false);
  });
});

describe('government areas', () => {
  it('ship as valid reference data with stable, distinct ids', () => {
    expect(DEFAULT_GOVERNMENT_AREAS.length).toBeGreaterThanOrEqual(13);
    expect(new Set(DEFAULT_GOVERNMENT_AREAS.map((a) => a.id)).size).toBe(DEFAULT_GOVERNMENT_AREAS.length);
    for (const { id: _id, ...area } of DEFAULT_GOVERNMENT_AREAS) {
      expect(governmentAreaSchema.safeParse(area).success).toBe(true);
    }
    expect(entities.governmentArea).toMatchObject({ reference: true, appendOnly: false });
  });
});

describe('agenda version schema', () => {
  const content = () => assembleAgenda(agendaWorld(), { assembledAt: '2026-12-01T18:00:00.000Z' });

  it('stores the assembled document whole, with no field the schema does not declare', () => {
    const version = {
      processId: PROCESS,
      number: 1,
      status: 'draft',
      changelog: 'Primera versión',
      content: content(),
    };
    const parsed = agendaVersionSchema.safeParse(version);
    expect(parsed.success).toBe(true);
    // The server refuses a field the schema would drop: the assembled document must have none.
    expect(findUnknownKeys(version, parsed.data, 'version')).toEqual([]);
    expect([...declaredFields(entities.agendaVersion.schema)].sort()).toEqual(
      ['changelog', 'content', 'number', 'processId', 'status', 'validationId'].sort(),
    );
  });

  it('needs the approving validation once validated', () => {
    const base = {
      processId: PROCESS,
      number: 2,
      status: 'validated',
      changelog: 'Validada',
      content: content(),
    };
    const r = agendaVersionSchema.safeParse(base);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['validationId'],
      message: 'Una versión validada necesita la votación que la aprobó',
    });
    expect(agendaVersionSchema.safeParse({ ...base, validationId: VERSION }).success).toBe(true);
  });
});

describe('agenda validation schema', () => {
  const validation = (over: Partial<AgendaValidation> = {}): Fields => ({
    processId: PROCESS,
    agendaVersionId: VERSION,
    sessionId: ASSEMBLY,
    method: 'show_of_hands',
    votes: { for: 40, against: 3, abstain: 5 },
    attendance: 60,
    approved: true,
    recordedAt: '2026-12-05T19:00:00.000Z',
    ...over,
  });

  it('accepts a result whose approval follows the rule, and is append-only', () => {
    expect(agendaValidationSchema.safeParse(validation()).success).toBe(true);
    expect(entities.agendaValidation).toMatchObject({ appendOnly: true, reference: false });
  });

  it('refuses an approval the counts do not give, more votes than attendees, and a ballot with no round', () => {
    const forged = agendaValidationSchema.safeParse(
      validation({ votes: { for: 5, against: 5, abstain: 30 } }),
    );
    expect(forged.error?.issues.map((i) => i.path.join('.'))).toEqual(['approved']);
    const crowded = agendaValidationSchema.safeParse(validation({ attendance: 20 }));
    expect(crowded.error?.issues[0]?.message).toBe('Hay más votos que asistentes');
    const ballot = agendaValidationSchema.safeParse(validation({ method: 'ballot' }));
    expect(paths(ballot)).toEqual(['roundId']);
    const hands = agendaValidationSchema.safeParse(validation({ roundId: VERSION }));
    expect(paths(hands)).toEqual(['roundId']);
  });

  it('asks for the reason of a correction', () => {
    const r = agendaValidationSchema.safeParse(validation({ supersedes: VERSION }));
    expect(r.error?.issues[0]).toMatchObject({
      path: ['reason'],
      message: 'Escribe el motivo de la corrección',
    });
    expect(
      agendaValidationSchema.safeParse(validation({ supersedes: VERSION, reason: 'Se contó mal' })).success,
    ).toBe(true);
  });
});
