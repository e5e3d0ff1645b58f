import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, encodeCsv, encodeCsvZip } from '../../../src/domain/exports/csv';
import { unitsGeoJson, tourNotesGeoJson } from '../../../src/domain/exports/geojson';
import { encodePhotoZip, photoEntries } from '../../../src/domain/exports/photos';
import type { Labeller } from '../../../src/domain/exports/table';
import { buildExportTables, filterExportData } from '../../../src/domain/exports/tables';
import { encodeXlsx, sheetName } from '../../../src/domain/exports/xlsx';
import { ids, officeFixture } from '../../fixtures/office';

const label: Labeller = (group, code) => `${group}:${code}`;

function parse(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
}

describe('CSV encoder', () => {
  it('starts with a UTF-8 byte-order mark and keeps accents', () => {
    const csv = encodeCsv({ headers: ['Año', 'Población'], rows: [['Señora Peña', 12]] });
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(csv)).toEqual([
      ['Año', 'Población'],
      ['Señora Peña', '12'],
    ]);
  });

  it('quotes ; and " and line breaks so each value stays one cell', () => {
    const csv = encodeCsv({
      headers: ['a', 'b', 'c'],
      rows: [['uno; dos', 'dijo "sí"', 'línea\nsiguiente']],
    });
    expect(csv).toContain('"uno; dos","dijo ""sí""","línea\nsiguiente"');
    expect(parse(csv)[1]).toEqual(['uno; dos', 'dijo "sí"', 'línea\nsiguiente']);
  });

  it('neutralises text that starts like a formula (= + - @), even across a line break', () => {
    const rows = [['=1+1', '+52 55', '-cmd', '@SUM(A1)', '=HYPERLINK("x")\notra', 'normal']];
    const parsed = parse(encodeCsv({ headers: ['a', 'b', 'c', 'd', 'e', 'f'], rows }))[1]!;
    expect(parsed).toEqual(["'=1+1", "'+52 55", "'-cmd", "'@SUM(A1)", '\'=HYPERLINK("x")\notra', 'normal']);
  });

  it('leaves numbers as numbers, negative ones included, and empty values empty', () => {
    const parsed = parse(encodeCsv({ headers: ['n', 'm', 'x', 'y'], rows: [[-3.5, 0, null, undefined]] }))[1];
    expect(parsed).toEqual(['-3.5', '0', '', '']);
  });
});

describe('export tables', () => {
  const tables = buildExportTables(officeFixture(), {}, label);
  const byName = new Map(tables.map((t) => [t.name, t]));

  it('one table per entity, nested lists with their join keys', () => {
    expect(tables.map((t) => t.name)).toEqual([
      'procesos',
      'unidades',
      'sesiones',
      'asistencia',
      'acuerdos',
      'proyectos',
      'compromisos',
      'notas_recorrido',
      'rubricas',
    ]);
    const agreements = byName.get('acuerdos')!;
    expect(agreements.rows.map((r) => [r[0], r[2]])).toEqual([
      ['s1', 'ag1'],
      ['s1', 'ag2'],
    ]);
    // 4 sessions × 4 genders × 5 age groups
    expect(byName.get('asistencia')!.rows).toHaveLength(80);
    expect(byName.get('compromisos')!.rows.map((r) => [r[0], r[2]])).toEqual([['pr2', 'c1']]);
    // r2 was corrected by r4: three current scores, four levels
    expect(byName.get('rubricas')!.rows.map((r) => r[0])).toEqual(['r1', 'r1', 'r3', 'r4']);
  });

  it('codes alongside labels, Spanish headers', () => {
    const processes = byName.get('procesos')!;
    expect(processes.headers).toContain('Etapa (código)');
    const p2 = processes.rows.find((r) => r[0] === ids.p2)!;
    expect(p2.slice(5, 8)).toEqual(['projects', 7, 'stage:projects']);
    const units = byName.get('unidades')!;
    expect(units.headers.slice(0, 3)).toEqual(['Clave', 'Nombre', 'Población']);
    // 07-002 is covered by P1 (tour) and P3 (tour); 07-003 by P2 (projects)
    expect(units.rows.find((r) => r[0] === '07-003')!.slice(7)).toEqual(['projects', 'stage:projects']);
  });

  it('filters like the dashboards', () => {
    const d2 = buildExportTables(officeFixture(), { directorateId: ids.d2, from: '2026-01-15' }, label);
    const get = (name: string) => d2.find((t) => t.name === name)!.rows.map((r) => r[0]);
    expect(get('procesos')).toEqual([ids.p2]);
    expect(get('sesiones')).toEqual(['s2']);
    expect(get('unidades')).toEqual(['07-003', '07-005']);
    expect(get('proyectos')).toEqual(['pr3', 'pr4']);
    expect(get('notas_recorrido')).toEqual([]);
  });

  it('a CSV zip holds one file per table, each with its BOM', () => {
    const files = unzipSync(encodeCsvZip(tables));
    expect(Object.keys(files).sort()).toEqual(tables.map((t) => `${t.name}.csv`).sort());
    for (const bytes of Object.values(files)) expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sessions = strFromU8(files['acuerdos.csv']!);
    expect(sessions).toContain('\'=HYPERLINK(""x"")');
    expect(sessions).toContain('"Doña Pía; comité"');
  });
});

describe('XLSX encoder', () => {
  it('one sheet per table with Spanish names and the text as typed (accents intact)', async () => {
    const tables = buildExportTables(officeFixture(), {}, label);
    const blob = await encodeXlsx(tables);
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="Unidades territoriales"');
    expect(workbook).toContain('name="Rúbricas"');
    const strings = Object.entries(files)
      .filter(([name]) => name.startsWith('xl/'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('');
    expect(strings).toContain('Población');
    expect(strings).toContain('Año de Juárez');
    // A formula-looking text is a string cell, never a formula
    expect(strings).not.toContain('<f>');
  });

  it('sheet names fit Excel: 31 characters, no reserved characters, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Proyectos: acciones/metas [2026] con nombre muy largo', taken)).toBe(
      'Proyectos  acciones metas  2026',
    );
    expect(sheetName('Hoja', taken)).toBe('Hoja');
    expect(sheetName('hoja', taken)).toBe('hoja 2');
  });
});

describe('GeoJSON and photos', () => {
  it('units carry their process stage; notes are points', () => {
    const data = filterExportData(officeFixture(), {});
    const units = unitsGeoJson(data, {}, label);
    expect(units.features).toHaveLength(5);
    const u2 = units.features.find((f) => f.id === '07-002')!;
    expect(u2.properties).toMatchObject({ etapa_codigo: 'tour', etapa_numero: 3, poblacion: 2000 });
    expect(u2.properties.procesos).toEqual(['San Miguel Teotongo', 'Año de Juárez']);
    expect(units.features.find((f) => f.id === '07-005')!.properties.etapa_codigo).toBeNull();
    const notes = tourNotesGeoJson(data);
    expect(notes.collection.features.map((f) => f.geometry.coordinates)).toEqual([[-99.05, 19.35]]);
  });

  it('a photo zip holds each photo once and an index that says which ones are missing', () => {
    const sha = (c: string) => c.repeat(64);
    const data = officeFixture();
    data.sessions = data.sessions.map((s, i) =>
      i === 0 ? { ...s, photos: [{ sha256: sha('a'), mime: 'image/jpeg' }] } : s,
    );
    data.tourNotes = data.tourNotes.map((n) => ({
      ...n,
      photos: [
        { sha256: sha('a'), mime: 'image/jpeg' },
        { sha256: sha('b'), mime: 'image/webp' },
      ],
    }));
    const entries = photoEntries(filterExportData(data, {}));
    expect(entries.map((e) => e.file)).toEqual([
      `fotos/2026-01-10-sesion-${sha('a').slice(0, 12)}.jpg`,
      `fotos/2026-01-10-nota-${sha('b').slice(0, 12)}.webp`,
    ]);
    const zip = unzipSync(encodePhotoZip(entries, new Map([[sha('a'), new Uint8Array([1, 2, 3])]])));
    expect([...zip[entries[0]!.file]!]).toEqual([1, 2, 3]);
    expect(zip[entries[1]!.file]).toBeUndefined();
    const index = Papa.parse<string[]>(strFromU8(zip['indice.csv']!).slice(1), { skipEmptyLines: true }).data;
    expect(index.map((r) => r[7])).toEqual(['Incluida', 'sí', 'no']);
  });
});
