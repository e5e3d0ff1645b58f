/**
 * Realistic push mutations, as a device's outbox would send them: sessions, tour notes, ballots
 * and rubric scores of one process, ids UUIDv7, per-device hybrid logical clock. Every record is
 * checked against its domain schema here, so a benchmark never measures refusals by accident.
 */
import {
  createHlcClock,
  DEFAULT_RUBRIC_TEMPLATES,
  emptyAttendance,
  getEntity,
  newId,
  nodeIdFromUuid,
  THEMATIC_AREAS,
  type EntityName,
  type Fields,
  type Mutation,
} from '../../src/domain';

export type PutMutation = Extract<Mutation, { op: 'put' }>;

const PLACES = ['Explanada de la parroquia', 'Mercado Aculco', 'Deportivo Santa Cruz', 'Casa de cultura'];
const NAMES = ['Rosa Martínez', 'Juan Pérez', 'Guadalupe Hernández', 'Luis Ramírez'];

export interface DeviceMutations {
  readonly clientId: string;
  /** Id of the last mutation made (ids start at 1 and never skip). */
  lastId(): number;
  /** A process listing `teamUserIds` (created by an admin or coordinator). */
  process(recordId: string, teamUserIds: string[], name?: string): PutMutation;
  /** A round of three problems, to cast ballots into. */
  round(processId: string, sessionId: string): { mutation: PutMutation; roundId: string; problems: string[] };
  /** `count` mutations mixing sessions, tour notes, ballots and rubric scores of one process. */
  mixed(processId: string, count: number): PutMutation[];
}

export function deviceMutations(clientId = newId()): DeviceMutations {
  const clock = createHlcClock(nodeIdFromUuid(clientId));
  let id = 0;
  let n = 0;
  const rounds = new Map<string, { roundId: string; problems: string[]; sessionId: string }>();
  const template = DEFAULT_RUBRIC_TEMPLATES.find((t) => t.appliesTo === 'session')!;

  function put(entity: EntityName, recordId: string, fields: Fields): PutMutation {
    const parsed = getEntity(entity).schema.safeParse(fields);
    if (!parsed.success) throw new Error(`bench ${entity} is invalid: ${parsed.error.message}`);
    return { id: ++id, entity, recordId, op: 'put', fields, hlc: clock.tick() };
  }

  function session(processId: string): PutMutation {
    const attendance = emptyAttendance();
    attendance.counts.women.adults = 8 + (n % 13);
    attendance.counts.men.adults = 4 + (n % 7);
    attendance.counts.women.olderAdults = n % 5;
    attendance.counts.nonBinary.youth = n % 2;
    attendance.indigenous = n % 3;
    return put('session', newId(), {
      processId,
      type: 'community_assembly',
      title: `Asamblea de diagnóstico ${n}`,
      date: '2026-11-20',
      place: PLACES[n % PLACES.length]!,
      facilitators: [NAMES[n % NAMES.length]!, NAMES[(n + 1) % NAMES.length]!],
      attendance,
      agreements: [
        {
          id: newId(),
          text: 'Convocar al recorrido territorial del sábado',
          responsible: 'Colectivo vecinal',
          dueDate: '2026-11-27',
          status: 'pending',
        },
        {
          id: newId(),
          text: 'Pedir a la alcaldía el calendario de pipas de agua',
          responsible: 'Comisión de agua',
          dueDate: '2026-12-04',
          status: 'in_progress',
        },
      ],
      notes: 'Buena participación de jóvenes; se pidió repetir la asamblea en horario vespertino.',
      location: { lon: -99.06 + (n % 100) / 10_000, lat: 19.35 + (n % 50) / 10_000 },
    });
  }

  function tourNote(processId: string, sessionId: string): PutMutation {
    return put('tourNote', newId(), {
      processId,
      sessionId,
      theme: THEMATIC_AREAS[n % THEMATIC_AREAS.length]!,
      description: `Fuga de agua en la esquina de la calle ${n % 40}; lleva semanas sin atención.`,
      severity: (['low', 'medium', 'high'] as const)[n % 3]!,
      location: { lon: -99.07 + (n % 97) / 10_000, lat: 19.34 + (n % 31) / 10_000 },
      accuracy: 8 + (n % 20),
      locationSource: 'gps',
      takenAt: new Date(Date.UTC(2026, 10, 20, 17, 0, n % 60)).toISOString(),
    });
  }

  function ballot(processId: string, round: { roundId: string; problems: string[] }): PutMutation {
    const [a, b, c] = round.problems as [string, string, string];
    return put('ballot', newId(), {
      processId,
      roundId: round.roundId,
      kind: 'vote',
      castAt: new Date(Date.UTC(2026, 10, 20, 18, 0, 0, n % 1000)).toISOString(),
      dots: n % 2 === 0 ? { [a]: 2, [b]: 1 } : { [c]: 3 },
    });
  }

  function rubricScore(processId: string, sessionId: string): PutMutation {
    return put('rubricScore', newId(), {
      processId,
      templateId: template.id,
      templateVersion: template.version,
      target: 'session',
      sessionId,
      levels: Object.fromEntries(template.criteria.map((c, i) => [c.id, 1 + ((n + i) % 4)])),
      comment: 'La convocatoria llegó a más sectores que en la sesión anterior.',
      scoredAt: new Date(Date.UTC(2026, 10, 21, 12, 0, n % 60)).toISOString(),
      scoredBy: 'bench',
    });
  }

  function round(processId: string, sessionId: string) {
    const problems = [newId(), newId(), newId()];
    const roundId = newId();
    const mutation = put('round', roundId, {
      processId,
      sessionId,
      title: 'Priorización de problemas',
      options: problems.map((problemId, i) => ({ problemId, title: ['Agua', 'Basura', 'Calles'][i]! })),
      method: 'dots',
      dotsPerPerson: 3,
      allowStacking: true,
      status: 'open',
      openedAt: '2026-11-20T18:00:00.000Z',
    });
    rounds.set(processId, { roundId, problems, sessionId });
    return { mutation, roundId, problems };
  }

  return {
    clientId,
    lastId: () => id,
    process(recordId, teamUserIds, name = 'Proceso de planeación') {
      return put('process', recordId, { name, unitKeys: ['07-001'], stage: 'self_diagnosis', teamUserIds });
    },
    round,
    mixed(processId, count) {
      const out: PutMutation[] = [];
      let current = rounds.get(processId);
      while (out.length < count) {
        n++;
        if (!current) {
          const s = session(processId);
          out.push(s);
          if (out.length >= count) break;
          out.push(round(processId, s.recordId).mutation);
          current = rounds.get(processId)!;
          continue;
        }
        // Per 10: 2 sessions, 3 tour notes, 4 ballots, 1 rubric score.
        const slot = n % 10;
        if (slot < 2) out.push(session(processId));
        else if (slot < 5) out.push(tourNote(processId, current.sessionId));
        else if (slot < 9) out.push(ballot(processId, current));
        else out.push(rubricScore(processId, current.sessionId));
      }
      return out;
    },
  };
}
