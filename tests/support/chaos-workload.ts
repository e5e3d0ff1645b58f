/**
 * Random field work for the chaos test: creates, edits and deletes of processes and sessions
 * through the real repositories of one simulated device, driven by a seeded PRNG, plus a log
 * of every mutation the device queued (read from its outbox as it is written) so the final
 * state can be explained write by write.
 */
import {
  AGE_GROUPS,
  GENDERS,
  PROCESS_STAGES,
  SESSION_TYPES,
  emptyAttendance,
  type Attendance,
  type Mutation,
  type Process,
  type Session,
} from '../../src/domain';
import type { OutboxEntry, TequioDb } from '../../src/client/data/db';
import type { Exchange } from './fault-proxy';
import { createProcess, updateProcess } from '../../src/client/data/processes.repository';
import { createSession, deleteSession, updateSession } from '../../src/client/data/sessions.repository';
import { NotFoundError } from '../../src/client/data/errors';

export const WRITE_KINDS = [
  'createProcess',
  'editProcess',
  'createSession',
  'editSession',
  'deleteSession',
  'skipped',
] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

const PLACES = [
  'Explanada de la parroquia',
  'Deportivo Francisco I. Madero',
  'Casa de cultura',
  'Mercado 12',
];
const WORDS = [
  'norte',
  'sur',
  'arranque',
  'cierre',
  'jóvenes',
  'mujeres',
  'memoria',
  'agua',
  'mural',
  'huerto',
];

/** Every local mutation a device queued, in order (re-queues after an epoch change are left out: they repeat these). */
export function logLocalWrites(db: TequioDb, log: Mutation[]): void {
  db.outbox.hook('creating', (_key, entry: OutboxEntry) => {
    if (entry.op === 'put' && entry.hlcs) return;
    const { createdAt: _createdAt, ...mutation } = entry;
    log.push(structuredClone(mutation) as Mutation);
  });
}

export function createWorkload(random: () => number) {
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const word = () => `${pick(WORDS)} ${int(1000)}`;

  function attendance(): Attendance {
    const a = emptyAttendance();
    let total = 0;
    for (const g of GENDERS)
      for (const age of AGE_GROUPS) {
        a.counts[g][age] = int(4) === 0 ? int(30) : 0;
        total += a.counts[g][age];
      }
    a.indigenous = int(total + 1);
    a.disability = int(Math.min(total, 5) + 1);
    return a;
  }

  function date(): string {
    return `2026-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`;
  }

  function newSession(processId: string): Session {
    return {
      processId,
      type: pick(SESSION_TYPES),
      title: `Sesión ${word()}`,
      date: date(),
      place: pick(PLACES),
      facilitators: ['Rosa Martínez'],
      attendance: attendance(),
      agreements: [],
      notes: int(2) ? `Notas ${word()}` : null,
    };
  }

  function sessionPatch(): Partial<Session> {
    const patch: Partial<Session> = {};
    const editors: (() => void)[] = [
      () => (patch.title = `Sesión ${word()}`),
      () => (patch.place = pick(PLACES)),
      () => (patch.notes = int(4) ? `Notas ${word()}` : null),
      () => (patch.date = date()),
      () => (patch.attendance = attendance()),
    ];
    for (let n = 1 + int(3); n > 0; n--) pick(editors)();
    return patch;
  }

  function processPatch(): Partial<Process> {
    const patch: Partial<Process> = {};
    const editors: (() => void)[] = [
      () => (patch.name = `Proceso ${word()}`),
      () => (patch.stage = pick(PROCESS_STAGES)),
      () => (patch.description = int(3) ? `Descripción ${word()}` : null),
    ];
    for (let n = 1 + int(2); n > 0; n--) pick(editors)();
    return patch;
  }

  /** One random write on `db`; returns what it did. Edits of a record deleted meanwhile are skipped. */
  async function randomWrite(db: TequioDb, team: string[]): Promise<WriteKind> {
    const processes = await db.processes.filter((r) => !r.deleted).primaryKeys();
    const sessions = await db.sessions.filter((r) => !r.deleted).primaryKeys();
    const roll = random();
    try {
      if (processes.length === 0 || roll < 0.06) {
        await createProcess(db, {
          name: `Proceso ${word()}`,
          unitKeys: ['07-001'],
          stage: pick(PROCESS_STAGES),
          teamUserIds: team,
        });
        return 'createProcess';
      }
      if (sessions.length === 0 || roll < 0.3) {
        await createSession(db, newSession(pick(processes)));
        return 'createSession';
      }
      if (roll < 0.42) {
        await updateProcess(db, pick(processes), processPatch());
        return 'editProcess';
      }
      if (roll < 0.9) {
        await updateSession(db, pick(sessions), sessionPatch());
        return 'editSession';
      }
      await deleteSession(db, pick(sessions));
      return 'deleteSession';
    } catch (error) {
      if (error instanceof NotFoundError) return 'skipped';
      throw error;
    }
  }

  return { randomWrite, int };
}

/** Push answers seen at the proxy, for the "applied once" check: `${clientId}:${id}` → how many times applied/rejected. */
export function pushOutcomes() {
  const applied = new Map<string, number>();
  let duplicates = 0;
  return {
    applied,
    duplicates: () => duplicates,
    record(exchange: Exchange) {
      if (exchange.method !== 'POST' || !exchange.path.startsWith('/api/v1/sync/push')) return;
      const request = JSON.parse(exchange.requestBody.toString('utf8')) as { clientId: string };
      for (const response of exchange.responses) {
        if (response.status !== 200) continue;
        const body = JSON.parse(response.body.toString('utf8')) as {
          results: { id: number; status: string }[];
        };
        for (const r of body.results) {
          if (r.status === 'duplicate') duplicates++;
          else
            applied.set(`${request.clientId}:${r.id}`, (applied.get(`${request.clientId}:${r.id}`) ?? 0) + 1);
        }
      }
    },
  };
}
