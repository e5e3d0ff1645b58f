import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTerritoryGeoJson } from '../../../src/domain';
import { coverage, filterDashboardData, NO_DIRECTORATE } from '../../../src/domain/dashboard';
import { computeDashboard } from '../../../src/domain/dashboard-summary';
import { NO_STATUS } from '../../../src/domain/dashboard-projects';
import { ids, officeFixture } from '../../fixtures/office';

const REAL_TERRITORY = fileURLToPath(
  new URL('../../../../shared/data/iztapalapa-unidades-territoriales-2022.geojson', import.meta.url),
);

describe('coverage', () => {
  it('counts processes, units and population of the borough and of the prioritised units', () => {
    const d = computeDashboard(officeFixture(), {});
    expect(d.coverage).toEqual({
      processes: 4,
      unitsCovered: 4,
      unitsTotal: 5,
      populationCovered: 10_000,
      boroughPopulation: 15_000,
      populationShare: 10_000 / 15_000,
      prioritisedUnits: 4,
      prioritisedCovered: 3,
      prioritisedShare: 0.75,
    });
  });

  it('under a directorate counts its processes and its units only; the share is of the borough', () => {
    const d = computeDashboard(officeFixture(), { directorateId: ids.d1 });
    expect(d.coverage).toEqual({
      processes: 2,
      unitsCovered: 2,
      unitsTotal: 2,
      populationCovered: 3000,
      boroughPopulation: 15_000,
      populationShare: 0.2,
      prioritisedUnits: 1,
      prioritisedCovered: 1,
      prioritisedShare: 1,
    });
    const none = computeDashboard(officeFixture(), { directorateId: NO_DIRECTORATE });
    expect(none.coverage).toMatchObject({
      processes: 1,
      unitsCovered: 1,
      unitsTotal: 1,
      populationCovered: 4000,
    });
  });

  it("reads the borough's real population from the territory file: 1 838 464", () => {
    const { units } = parseTerritoryGeoJson(JSON.parse(readFileSync(REAL_TERRITORY, 'utf8')));
    const territory = units.map((u) => ({ ...u, id: u.key, directorateId: null, prioritised: false }));
    const processes = [
      { id: 'p', name: 'Aculco', unitKeys: ['07-001'], stage: 'tour' as const, teamUserIds: [] },
    ];
    const c = coverage({ units: territory, processes });
    expect(c.boroughPopulation).toBe(1_838_464);
    expect(c.unitsTotal).toBe(295);
    expect(c.populationCovered).toBe(5818);
    expect(c.populationShare).toBe(5818 / 1_838_464);
  });
});

describe('processes by stage and directorate', () => {
  it('counts each process once, in its first known unit’s directorate, with totals', () => {
    const { stages } = computeDashboard(officeFixture(), {});
    expect(stages.rows.map((r) => [r.directorateId, r.total])).toEqual([
      [ids.d1, 2],
      [ids.d2, 1],
      [NO_DIRECTORATE, 1],
    ]);
    expect(stages.rows[0]!.byStage.tour).toBe(2);
    expect(stages.rows[1]!.byStage.projects).toBe(1);
    expect(stages.rows[2]!.byStage.convening).toBe(1);
    expect(stages.totals).toMatchObject({ tour: 2, projects: 1, convening: 1, vision: 0 });
    expect(stages.total).toBe(4);
  });
});

describe('projects and actions', () => {
  it('by thematic area: counts and share of the total, every area listed', () => {
    const { byTheme } = computeDashboard(officeFixture(), {});
    expect(byTheme).toHaveLength(12);
    expect(byTheme.find((r) => r.key === 'water')).toEqual({
      key: 'water',
      projects: 1,
      actions: 1,
      total: 2,
      share: 0.5,
    });
    expect(byTheme.find((r) => r.key === 'safety')).toMatchObject({ actions: 1, total: 1, share: 0.25 });
    expect(byTheme.find((r) => r.key === 'culture')).toMatchObject({ projects: 1, total: 1, share: 0.25 });
    expect(byTheme.find((r) => r.key === 'health')).toMatchObject({ total: 0, share: 0 });
  });

  it('by management mode', () => {
    const { byManagement } = computeDashboard(officeFixture(), {});
    expect(byManagement.map((r) => [r.key, r.total, r.share])).toEqual([
      ['self_managed', 1, 0.25],
      ['co_managed', 1, 0.25],
      ['government', 2, 0.5],
    ]);
  });

  it('by status name; no status or an unknown one is "Sin estado"', () => {
    const { byStatus, hasStatuses } = computeDashboard(officeFixture(), {});
    expect(hasStatuses).toBe(true);
    expect(byStatus.map((r) => [r.key, r.name, r.total, r.share])).toEqual([
      [ids.sDone, 'Concluido', 1, 0.25],
      [NO_STATUS, null, 3, 0.75],
    ]);
    const without = computeDashboard({ ...officeFixture(), projectStatuses: undefined }, {});
    expect(without.hasStatuses).toBe(false);
    expect(without.byStatus.map((r) => [r.key, r.total])).toEqual([[NO_STATUS, 4]]);
  });

  it('actions done with each government area: as responsible or by a commitment', () => {
    const { actionsByArea } = computeDashboard(officeFixture(), {});
    expect(actionsByArea.map((r) => [r.shortName, r.actions, r.done])).toEqual([
      ['Obras', 2, 2],
      ['Agua', 1, 1],
    ]);
    const d2 = computeDashboard(officeFixture(), { directorateId: ids.d2 });
    expect(d2.actionsByArea.map((r) => [r.shortName, r.actions, r.done])).toEqual([['Obras', 1, 1]]);
  });
});

describe('participation', () => {
  it('sessions and attendance by gender × age, indigenous, disability, month and directorate', () => {
    const { participation: p } = computeDashboard(officeFixture(), { from: '2026-01-01' });
    expect(p.total.sessions).toBe(3);
    expect(p.total.attendance).toBe(26);
    expect(p.total.byGender).toEqual({ women: 14, men: 5, nonBinary: 1, notStated: 6 });
    expect(p.total.byAge).toEqual({ children: 6, adolescents: 0, youth: 6, adults: 10, olderAdults: 4 });
    expect(p.total.matrix.women).toEqual({
      children: 0,
      adolescents: 0,
      youth: 0,
      adults: 10,
      olderAdults: 4,
    });
    expect(p.total.indigenous).toBe(3);
    expect(p.total.disability).toBe(3);
    expect(p.byMonth.map((m) => [m.month, m.sessions, m.attendance])).toEqual([
      ['2026-01', 2, 20],
      ['2026-02', 1, 6],
    ]);
    expect(p.byDirectorate.map((r) => [r.directorateId, r.sessions, r.attendance, r.indigenous])).toEqual([
      [ids.d1, 1, 15, 3],
      [ids.d2, 1, 5, 0],
      [NO_DIRECTORATE, 1, 6, 0],
    ]);
  });

  it('the date range is inclusive and the directorate keeps its processes’ sessions', () => {
    const d1 = computeDashboard(officeFixture(), { directorateId: ids.d1 });
    expect(d1.participation.total).toMatchObject({ sessions: 2, attendance: 22 });
    const day = computeDashboard(officeFixture(), { from: '2026-01-20', to: '2026-01-20' });
    expect(day.participation.total).toMatchObject({ sessions: 1, attendance: 5, disability: 2 });
  });
});

describe('rubric averages by directorate × moment × criterion', () => {
  it('averages current scores only (a correction replaces what it corrects)', () => {
    const { rubrics } = computeDashboard(officeFixture(), {});
    expect(rubrics.map((c) => [c.directorateId, c.moment, c.criterion, c.mean, c.count])).toEqual([
      [ids.d1, 'self_diagnosis', 'Acuerdos', 4, 1],
      [ids.d1, 'self_diagnosis', 'Escucha', 2.5, 2],
      [ids.d2, 'planning', 'Escucha', 3, 1],
    ]);
  });

  it('filters scores by the date they were given', () => {
    const f = filterDashboardData(officeFixture(), { to: '2026-01-06' });
    expect(f.rubricScores.map((s) => s.id)).toEqual(['r1', 'r2']);
  });
});
