/**
 * The entity registry: every record type the protocol syncs, with its
 * schema and how it is scoped. Client and server read the same table, so an
 * entity added here is known everywhere at once.
 */
import { z } from 'zod';
import { processSchema } from './entities/process';
import { sessionSchema } from './entities/session';
import { directorateSchema, territorialUnitSchema } from './entities/territory';
import { problemSchema } from './entities/problem';
import { tourNoteSchema } from './entities/tour-note';
import { ballotSchema, roundSchema } from './entities/prioritisation';
import { rubricScoreSchema, rubricTemplateSchema } from './entities/rubric';
import { trackChunkSchema } from './entities/track';
import { mapPackSchema } from './entities/map-pack';
import { visionStatementSchema } from './entities/vision';
import { projectSchema } from './entities/project';
import { governmentAreaSchema } from './entities/government-area';
import { agendaValidationSchema, agendaVersionSchema } from './entities/agenda';
import type { Fields } from './merge';

export interface EntityDefinition {
  name: string;
  schema: z.ZodType<Fields>;
  /** Append-only entities are never edited in place: corrections are new records. */
  appendOnly: boolean;
  /** Reference data reaches every user; other records only those whose scope holds their process. */
  reference: boolean;
  /** The process a record belongs to (for scope checks), or null for reference data. */
  processIdOf(id: string, fields: Fields): string | null;
}

function byProcessField(_id: string, fields: Fields): string | null {
  return typeof fields.processId === 'string' ? fields.processId : null;
}

export const entities = {
  process: {
    name: 'process',
    schema: processSchema as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: (id: string) => id,
  },
  session: {
    name: 'session',
    schema: sessionSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  territorialUnit: {
    name: 'territorialUnit',
    schema: territorialUnitSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  },
  directorate: {
    name: 'directorate',
    schema: directorateSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  },
  problem: {
    name: 'problem',
    schema: problemSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  tourNote: {
    name: 'tourNote',
    schema: tourNoteSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  round: {
    name: 'round',
    schema: roundSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  ballot: {
    name: 'ballot',
    schema: ballotSchema as unknown as z.ZodType<Fields>,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  },
  rubricTemplate: {
    name: 'rubricTemplate',
    schema: rubricTemplateSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  },
  rubricScore: {
    name: 'rubricScore',
    schema: rubricScoreSchema as unknown as z.ZodType<Fields>,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  },
  trackChunk: {
    name: 'trackChunk',
    schema: trackChunkSchema as unknown as z.ZodType<Fields>,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  },
  mapPack: {
    name: 'mapPack',
    schema: mapPackSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  },
  visionStatement: {
    name: 'visionStatement',
    schema: visionStatementSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  project: {
    name: 'project',
    schema: projectSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  governmentArea: {
    name: 'governmentArea',
    schema: governmentAreaSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  },
  agendaVersion: {
    name: 'agendaVersion',
    schema: agendaVersionSchema as unknown as z.ZodType<Fields>,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  },
  agendaValidation: {
    name: 'agendaValidation',
    schema: agendaValidationSchema as unknown as z.ZodType<Fields>,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  },
} satisfies Record<string, EntityDefinition>;

export type EntityName = keyof typeof entities;
export const ENTITY_NAMES = Object.keys(entities) as EntityName[];

export function isEntityName(name: unknown): name is EntityName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(entities, name);
}

export function getEntity(name: EntityName): EntityDefinition {
  return entities[name];
}
