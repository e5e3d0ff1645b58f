/**
 * Realistic records for the pull benchmarks, as a field team would produce
 * them over a year in the borough: processes, sessions with attendance and
 * agreements, tour notes with Spanish descriptions and GPS positions, rounds,
 * ballots (the bulk: every assembly casts hundreds) and rubric scores with
 * interviews. Every record validates against its domain schema, so the real
 * server takes it through the real push endpoint.
 */
import {
  DEFAULT_CRITERIA,
  emptyAttendance,
  getEntity,
  MOMENTS,
  SESSION_TYPES,
  THEMATIC_AREAS,
  type EntityName,
  type Fields,
  type Mutation,
} from '../../src/domain';

export interface BenchRecord {
  entity: EntityName;
  id: string;
  fields: Fields;
}

/** Share of each kind among the generated records (the rest are ballots). */
export const PROPORTIONS = { session: 0.08, tourNote: 0.24, rubricScore: 0.08 } as const;

const PLACES = [
  'Explanada de la parroquia de San Lorenzo Tezonco',
  'Casa de cultura de Santa Cruz Meyehualco',
  'Deportivo Francisco I. Madero',
  'Patio de la primaria Benito Juárez',
  'Módulo de seguridad de la colonia Desarrollo Urbano Quetzalcóatl',
];
const FACILITATORS = ['Rosa Martínez', 'Juan Pérez Hernández', 'Guadalupe Sánchez', 'Miguel Ángel Torres'];
const NOTE_TEXTS = [
  'Tiradero clandestino de cascajo y basura doméstica sobre la banqueta, junto a la barda de la escuela; los vecinos dicen que lo tiran de noche desde camionetas.',
  'Tres luminarias fundidas en la calle; a partir de las siete la cuadra queda a oscuras y las señoras que regresan del trabajo dan la vuelta por la avenida.',
  'Fuga de agua potable en la esquina desde hace dos semanas; ya se reportó al sistema de aguas sin respuesta. El agua corre hacia el mercado.',
  'Parque sin mantenimiento: juegos infantiles oxidados, pasto seco y una jardinera usada como baño. Jóvenes piden una cancha de básquetbol.',
  'Coladera sin tapa frente a la tienda; en temporada de lluvias se inunda la calle hasta las rodillas y los niños no pueden llegar a la escuela.',
];
const AGREEMENTS = [
  'Convocar al recorrido territorial del sábado con la comisión de vecinos',
  'Solicitar a la alcaldía la poda de árboles y el retiro de cascajo',
  'Levantar el inventario de luminarias fundidas por calle',
];
const INTERVIEW =
  'Las personas participantes dijeron que por primera vez sintieron que sus propuestas se escuchaban; pidieron que los acuerdos se lean al inicio de cada sesión y que se avise con más tiempo.';

/** A deterministic UUID v4-shaped id (the bench runs must pull the same documents every time). */
export function benchId(kind: number, index: number): string {
  return `00000000-0000-4000-8000-${(kind * 1_000_000_000 + index).toString(16).padStart(12, '0')}`;
}

const iso = (base: number, minutes: number) => new Date(base + minutes * 60_000).toISOString();
const BASE = Date.UTC(2026, 0, 12, 16, 0, 0);

/** `n` records in realistic proportions (a few processes and rounds, then sessions, notes, scores, ballots). */
export function generateRecords(n: number): BenchRecord[] {
  const processes = Math.max(1, Math.round(n / 1250));
  const rounds = processes * 2;
  const sessions = Math.max(processes, Math.round(n * PROPORTIONS.session));
  const notes = Math.round(n * PROPORTIONS.tourNote);
  const scores = Math.round(n * PROPORTIONS.rubricScore);
  const ballots = Math.max(0, n - processes - rounds - sessions - notes - scores);
  const out: BenchRecord[] = [];
  const processId = (i: number) => benchId(1, i % processes);
  const sessionId = (i: number) => benchId(2, i % sessions);
  const problemId = (i: number) => benchId(9, i % 8);

  for (let i = 0; i < processes; i++) {
    out.push({
      entity: 'process',
      id: processId(i),
      fields: {
        name: `Proceso de planeación participativa ${i + 1} — Unidad territorial 07-${String(100 + i).padStart(3, '0')}`,
        unitKeys: [`07-${String(100 + i).padStart(3, '0')}`],
        stage: 'self_diagnosis',
        description:
          'Proceso de planeación participativa con vecinas y vecinos de la unidad territorial, acompañado por la Unidad de Planeación.',
        teamUserIds: [],
      },
    });
  }
  for (let i = 0; i < sessions; i++) {
    const attendance = emptyAttendance();
    attendance.counts.women.adults = 10 + (i % 17);
    attendance.counts.men.adults = 4 + (i % 9);
    attendance.counts.women.olderAdults = i % 6;
    attendance.counts.nonBinary.youth = i % 2;
    attendance.indigenous = i % 4;
    attendance.disability = i % 3;
    out.push({
      entity: 'session',
      id: sessionId(i),
      fields: {
        processId: processId(i),
        type: SESSION_TYPES[i % SESSION_TYPES.length]!,
        title: `Sesión ${i + 1}: ${['asamblea de arranque', 'recorrido territorial', 'taller de planeación'][i % 3]}`,
        date: iso(BASE, i * 600).slice(0, 10),
        place: PLACES[i % PLACES.length]!,
        facilitators: [FACILITATORS[i % FACILITATORS.length]!, FACILITATORS[(i + 1) % FACILITATORS.length]!],
        attendance,
        agreements: AGREEMENTS.slice(0, 1 + (i % 3)).map((text, k) => ({
          id: benchId(3, i * 3 + k),
          text,
          responsible: 'Comisión de vecinos',
          dueDate: iso(BASE, i * 600 + 10_080).slice(0, 10),
          status: 'pending',
        })),
        notes: 'Buena participación de mujeres adultas; se pidió repetir la convocatoria por WhatsApp.',
      },
    });
  }
  for (let i = 0; i < rounds; i++) {
    out.push({
      entity: 'round',
      id: benchId(4, i),
      fields: {
        processId: processId(i),
        sessionId: sessionId(i),
        title: `Priorización de problemas, ronda ${i + 1}`,
        options: [0, 1, 2, 3, 4].map((k) => ({ problemId: problemId(k), title: `Problema ${k + 1}` })),
        method: 'dots',
        dotsPerPerson: 3,
        allowStacking: true,
        status: 'closed',
        openedAt: iso(BASE, i * 1000),
        closedAt: iso(BASE, i * 1000 + 90),
      },
    });
  }
  for (let i = 0; i < notes; i++) {
    out.push({
      entity: 'tourNote',
      id: benchId(5, i),
      fields: {
        processId: processId(i),
        sessionId: sessionId(i),
        theme: THEMATIC_AREAS[i % THEMATIC_AREAS.length]!,
        description: NOTE_TEXTS[i % NOTE_TEXTS.length]!,
        severity: (['low', 'medium', 'high'] as const)[i % 3],
        location: { lon: -99.06 + (i % 997) * 0.00005, lat: 19.35 + (i % 991) * 0.00005 },
        accuracy: 5 + (i % 20),
        locationSource: 'gps',
        takenAt: iso(BASE, i * 7),
      },
    });
  }
  for (let i = 0; i < scores; i++) {
    const bySession = i % 2 === 0;
    out.push({
      entity: 'rubricScore',
      id: benchId(6, i),
      fields: {
        processId: processId(i),
        templateId: benchId(7, i % 6),
        templateVersion: 1,
        target: bySession ? 'session' : 'moment',
        sessionId: bySession ? sessionId(i) : null,
        moment: bySession ? null : MOMENTS[i % MOMENTS.length]!,
        levels: Object.fromEntries(DEFAULT_CRITERIA.map((c, k) => [c.id, 1 + ((i + k) % 4)])),
        comment: 'El grupo llegó a acuerdos claros; falta que las personas jóvenes tomen la palabra.',
        interviews: i % 4 === 0 ? [{ id: `e${i}`, kind: 'group', text: INTERVIEW, participants: 8 }] : [],
        scoredAt: iso(BASE, i * 11),
        scoredBy: 'bench-coordinator',
      },
    });
  }
  for (let i = 0; i < ballots; i++) {
    const a = problemId(i % 5);
    const b = problemId((i * 7 + 3) % 5);
    out.push({
      entity: 'ballot',
      id: benchId(8, i),
      fields: {
        processId: processId(i % rounds),
        roundId: benchId(4, i % rounds),
        kind: 'vote',
        castAt: iso(BASE, i),
        dots: a === b ? { [a]: 3 } : { [a]: 2, [b]: 1 },
      },
    });
  }
  // Fail here, not on the server, if a generated record does not fit its schema.
  for (const r of [out[0], out[processes], out[out.length - 1]]) {
    if (r) getEntity(r.entity).schema.parse(r.fields);
  }
  return out;
}

/** The records as push mutations of one client (ids from 1, one hlc per record). */
export function asMutations(records: BenchRecord[], nodeHex = '00000000000000b1'): Mutation[] {
  const t0 = Date.now() - records.length - 60_000;
  return records.map((r, i) => ({
    id: i + 1,
    entity: r.entity,
    recordId: r.id,
    op: 'put' as const,
    fields: r.fields,
    hlc: `${new Date(t0 + i).toISOString()}-0000-${nodeHex}`,
  }));
}
