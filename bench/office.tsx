/**
 * The office with a borough's worth of data on the device: the real territory (295 units, 13
 * directorates), 50 processes, 400 projects and actions, 2,000 sessions (with agreements), 300 tour
 * notes and 200 rubric scores, written through the device's own write path on fake-indexeddb in
 * Node. Measures, as the medians of `--runs` runs:
 *   - read: every record the office reads, from Dexie (`loadOfficeData`);
 *   - figures: every dashboard figure (`computeDashboard`), whole borough;
 *   - render: the dashboards' sections (SVG charts and tables) rendered by React to HTML;
 *   - each export (XLSX, CSV zip, GeoJSON of units), with its size.
 *
 *   node --import tsx bench/office.tsx [--runs 5]
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { renderToString } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import '../src/client/i18n';
import { TequioDb } from '../src/client/data/db';
import {
  buildOfficeExport,
  loadOfficeData,
  type OfficeExportKind,
} from '../src/client/data/office.repository';
import { writeLocal } from '../src/client/data/records.repository';
import { ParticipationSection, RubricsSection } from '../src/client/features/office/people-sections';
import {
  CoverageSection,
  ProjectsSection,
  StagesSection,
} from '../src/client/features/office/programme-sections';
import {
  DEFAULT_GOVERNMENT_AREAS,
  emptyAttendance,
  MANAGEMENT_MODES,
  newId,
  parseTerritoryGeoJson,
  PROCESS_STAGES,
  SESSION_TYPES,
  THEMATIC_AREAS,
  type EntityName,
  type Fields,
} from '../src/domain';
import { computeDashboard } from '../src/domain/dashboard-summary';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const TERRITORY = new URL(
  '../../shared/data/iztapalapa-unidades-territoriales-2022.geojson',
  import.meta.url,
);

async function put(db: TequioDb, entity: EntityName, fields: Fields, id = newId()): Promise<string> {
  await writeLocal(db, entity, id, { op: 'put', fields });
  return id;
}

async function seed(db: TequioDb) {
  const directorates: string[] = [];
  for (let i = 1; i <= 13; i++)
    directorates.push(await put(db, 'directorate', { name: `Dirección Territorial ${i}`, number: i }));
  const { units } = parseTerritoryGeoJson(JSON.parse(readFileSync(TERRITORY, 'utf8')));
  for (const [i, u] of units.entries()) {
    await put(db, 'territorialUnit', {
      ...u,
      directorateId: directorates[i % 13]!,
      prioritised: i % 3 === 0,
    });
  }
  for (const { id, ...fields } of DEFAULT_GOVERNMENT_AREAS) await put(db, 'governmentArea', fields, id);
  const templateId = newId();
  await put(
    db,
    'rubricTemplate',
    {
      name: 'Rúbrica del autodiagnóstico',
      kind: 'learning',
      appliesTo: 'moment',
      moment: 'self_diagnosis',
      family: newId(),
      version: 1,
      active: true,
      criteria: [
        { id: 'escucha', label: 'Escucha', levels: ['Inicial', 'Básico', 'Bueno', 'Excelente'] },
        { id: 'acuerdos', label: 'Acuerdos', levels: ['Inicial', 'Básico', 'Bueno', 'Excelente'] },
      ],
    },
    templateId,
  );
  for (let p = 0; p < 50; p++) {
    const processId = await put(db, 'process', {
      name: `Proceso ${p + 1} de Iztapalapa`,
      unitKeys: [units[p * 5]!.key, units[p * 5 + 1]!.key],
      stage: PROCESS_STAGES[p % 10]!,
      teamUserIds: [],
    });
    const sessionIds: string[] = [];
    for (let s = 0; s < 40; s++) {
      const attendance = emptyAttendance();
      attendance.counts.women.adults = 10 + (s % 7);
      attendance.counts.men.adults = 5 + (s % 5);
      attendance.counts.women.youth = s % 4;
      attendance.counts.nonBinary.youth = s % 2;
      attendance.counts.men.olderAdults = s % 3;
      attendance.indigenous = s % 3;
      attendance.disability = s % 2;
      sessionIds.push(
        await put(db, 'session', {
          processId,
          type: SESSION_TYPES[s % SESSION_TYPES.length]!,
          title: `Sesión ${s + 1}: asamblea de la colonia`,
          date: `2026-${String((s % 12) + 1).padStart(2, '0')}-${String((s % 27) + 1).padStart(2, '0')}`,
          place: 'Explanada de la parroquia de San Lorenzo Tezonco',
          facilitators: ['Rosa Martínez', 'Juan Pérez'],
          attendance,
          agreements: [
            {
              id: 'a1',
              text: 'Limpiar la barranca el sábado',
              responsible: 'Comité vecinal',
              status: 'pending',
            },
            { id: 'a2', text: 'Pedir luminarias a Obras', responsible: 'Colectivo', status: 'done' },
          ],
        }),
      );
    }
    for (let n = 0; n < 6; n++) {
      await put(db, 'tourNote', {
        processId,
        sessionId: sessionIds[n]!,
        theme: THEMATIC_AREAS[n % 12]!,
        description: 'Tiradero clandestino junto a la barda de la escuela',
        severity: 'high',
        location: { lon: -99.05 - n / 1000, lat: 19.35 },
        takenAt: '2026-03-14T17:00:00.000Z',
      });
    }
    for (let r = 0; r < 4; r++) {
      await put(db, 'rubricScore', {
        processId,
        templateId,
        templateVersion: 1,
        target: 'moment',
        moment: 'self_diagnosis',
        levels: { escucha: 1 + (r % 4), acuerdos: 1 + ((r + 1) % 4) },
        scoredAt: '2026-04-01T12:00:00.000Z',
        scoredBy: 'u1',
      });
    }
    for (let j = 0; j < 4; j++) {
      const mode = MANAGEMENT_MODES[j % 3]!;
      const areaIds = mode === 'self_managed' ? [] : [DEFAULT_GOVERNMENT_AREAS[(p + j) % 17]!.id];
      const base = {
        processId,
        theme: THEMATIC_AREAS[(p + j) % 12]!,
        problemIds: [],
        visionIds: [],
        managementMode: mode,
        governmentAreaIds: areaIds,
        term: 'short',
        commitments: [
          {
            id: 'c1',
            who: { kind: 'collective' },
            what: 'Convocar a las vecinas y vecinos',
            dueDate: '2026-09-01',
            done: j % 2 === 0,
          },
        ],
      };
      const projectId = await put(db, 'project', { ...base, title: `Proyecto ${j + 1}`, kind: 'project' });
      await put(db, 'project', { ...base, title: `Acción ${j + 1}.1`, kind: 'action', parentId: projectId });
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

async function main() {
  const db = new TequioDb(`bench-office-${Date.now()}`);
  await db.open();
  const [seedMs] = await time(() => seed(db));
  const reads: number[] = [];
  const figures: number[] = [];
  const renders: number[] = [];
  let html = 0;
  for (let i = 0; i < runs; i++) {
    const [readMs, data] = await time(() => loadOfficeData(db));
    const [figuresMs, dashboard] = await time(() => computeDashboard(data, {}));
    const [renderMs, markup] = await time(() =>
      renderToString(
        <MemoryRouter>
          <CoverageSection coverage={dashboard.coverage} />
          <StagesSection stages={dashboard.stages} />
          <ProjectsSection dashboard={dashboard} />
          <ParticipationSection participation={dashboard.participation} />
          <RubricsSection rubrics={dashboard.rubrics} />
        </MemoryRouter>,
      ),
    );
    reads.push(readMs);
    figures.push(figuresMs);
    renders.push(renderMs);
    html = markup.length;
  }
  const data = await loadOfficeData(db);
  console.log(
    `office bench: ${data.processes.length} processes, ${data.projects.length} projects and actions, ` +
      `${data.sessions.length} sessions, ${data.units.length} units, ${data.tourNotes.length} tour notes, ` +
      `${data.rubricScores.length} rubric scores (seeded in ${(seedMs / 1000).toFixed(1)} s); medians of ${runs} runs`,
  );
  console.log(`  read from Dexie      ${median(reads).toFixed(1)} ms`);
  console.log(`  dashboard figures    ${median(figures).toFixed(1)} ms`);
  console.log(
    `  render (React, HTML) ${median(renders).toFixed(1)} ms (${(html / 1024).toFixed(0)} kB of markup)`,
  );
  const label = (_group: string, code: string) => code;
  for (const kind of ['xlsx', 'csv', 'units'] as OfficeExportKind[]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const [ms, file] = await time(() => buildOfficeExport(db, kind, {}, label));
      times.push(ms);
      bytes = file.blob.size;
    }
    console.log(
      `  export ${kind.padEnd(5)}         ${median(times).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} kB`,
    );
  }
  db.close();
}

await main();
