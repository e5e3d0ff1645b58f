/** Valid records, mutations and stamps for the server integration tests. */
import { randomUUID } from 'node:crypto';
import { emptyAttendance, formatHlc, type Fields, type Mutation } from '../../src/domain';

const BASE = Date.parse('2026-11-20T17:00:00.000Z');

/** A stamp `seconds` after a fixed base time, from node `node`. */
export function hlc(seconds: number, node = '00000000000000a1', counter = 0): string {
  return formatHlc({ millis: BASE + seconds * 1000, counter, node });
}

export function processFields(overrides: Partial<Fields> = {}): Fields {
  return { name: 'Colonia Centro', unitKeys: ['07-001'], stage: 'convening', teamUserIds: [], ...overrides };
}

export function sessionFields(processId: string, overrides: Partial<Fields> = {}): Fields {
  return {
    processId,
    type: 'community_assembly',
    title: 'Asamblea de arranque',
    date: '2026-11-20',
    place: 'Casa de cultura',
    facilitators: ['Ana López'],
    attendance: emptyAttendance(),
    agreements: [],
    ...overrides,
  };
}

export function put(id: number, entity: string, recordId: string, fields: Fields, stamp: string): Mutation {
  return { id, entity, recordId, op: 'put', fields, hlc: stamp };
}

export function del(id: number, entity: string, recordId: string, stamp: string): Mutation {
  return { id, entity, recordId, op: 'delete', hlc: stamp };
}

export function pushBody(clientId: string, mutations: Mutation[], serverEpoch: string | null = null) {
  return { clientId, serverEpoch, mutations };
}

export const newId = () => randomUUID();
