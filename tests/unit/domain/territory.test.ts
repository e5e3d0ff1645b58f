import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTerritoryGeoJson, unitIdFromKey } from '../../../src/domain/entities/territory';

const REAL_FILE = new URL(
  '../../../../shared/data/iztapalapa-unidades-territoriales-2022.geojson',
  import.meta.url,
);

describe('territory import parsing', () => {
  it('reads every unit of the real Iztapalapa file with its population', () => {
    const { units, refused } = parseTerritoryGeoJson(JSON.parse(readFileSync(REAL_FILE, 'utf8')));
    expect(refused).toEqual([]);
    expect(units).toHaveLength(295);
    expect(units.reduce((sum, u) => sum + u.population, 0)).toBe(1_838_464);
    expect(units[0]).toMatchObject({ key: '07-001', name: 'ACULCO (PBLO)', population: 5818 });
    expect(new Set(units.map((u) => u.key)).size).toBe(295);
  });

  it('refuses a broken feature with a clear reason and keeps the rest', () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [-99.1, 19.3],
          [-99.0, 19.3],
          [-99.0, 19.4],
          [-99.1, 19.3],
        ],
      ],
    };
    const { units, refused } = parseTerritoryGeoJson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { CVEUT: '07-001', UT: 'A', POBL: '10' }, geometry: square },
        { type: 'Feature', properties: { CVEUT: '07-002', UT: 'B', POBL: 'muchos' }, geometry: square },
        {
          type: 'Feature',
          properties: { CVEUT: '07-003', UT: 'C', POBL: '5' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-99.1, 19.3],
                [-99.0, 19.3],
              ],
            ],
          },
        },
        { type: 'Feature', properties: { CVEUT: '07-001', UT: 'A otra vez', POBL: '1' }, geometry: square },
        { type: 'Feature', properties: { UT: 'Sin clave', POBL: '1' }, geometry: square },
      ],
    });
    expect(units.map((u) => u.key)).toEqual(['07-001']);
    expect(refused.map((r) => [r.index, r.key, r.code])).toEqual([
      [1, '07-002', 'bad_population'],
      [2, '07-003', 'bad_geometry'],
      [3, '07-001', 'duplicate_key'],
      [4, null, 'missing_key'],
    ]);
    expect(refused[0]!.message).toContain('muchos');
  });

  it('gives a unit the same record id on every import', () => {
    expect(unitIdFromKey('07-001')).toBe(unitIdFromKey('07-001'));
    expect(unitIdFromKey('07-001')).not.toBe(unitIdFromKey('07-002'));
    expect(unitIdFromKey('07-001')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
