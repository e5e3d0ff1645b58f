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
import { projectStatusSchema } from './entities/project-status';
import { projectUpdateSchema } from './entities/project-update';
import { agendaValidationSchema, agendaVersionSchema } from './entities/agenda';
import type { Fields } from './merge';

export interface EntityDefinition<F extends Fields = Fields> {
  name: string;
  /** What a stored record of the entity holds (validated on every local write and on the server). */
  schema: z.ZodType<F>;
  /** Append-only entities are never edited in place: corrections are new records. */
  appendOnly: boolean;
  /** Reference data reaches every user; other records only those whose scope holds their process. */
  reference: boolean;
  /** The process a record belongs to (for scope checks), or null for reference data. */
  processIdOf(id: string, fields: Fields): string | null;
}

/** Keeps each entity's own record type (from its schema), so the client's tables are typed by it. */
function defineEntity<F extends Fields>(definition: EntityDefinition<F>): EntityDefinition<F> {
  return definition;
}

function byProcessField(_id: string, fields: Fields): string | null {
  return typeof fields.processId === 'string' ? fields.processId : null;
}

export const entities = {
  process: defineEntity({
    name: 'process',
    schema: processSchema,
    appendOnly: false,
    reference: false,
    processIdOf: (id: string) => id,
  }),
  session: defineEntity({
    name: 'session',
    schema: sessionSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  territorialUnit: defineEntity({
    name: 'territorialUnit',
    schema: territorialUnitSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  directorate: defineEntity({
    name: 'directorate',
    schema: directorateSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  problem: defineEntity({
    name: 'problem',
    schema: problemSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  tourNote: defineEntity({
    name: 'tourNote',
    schema: tourNoteSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  round: defineEntity({
    name: 'round',
    schema: roundSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  ballot: defineEntity({
    name: 'ballot',
    schema: ballotSchema,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  }),
  rubricTemplate: defineEntity({
    name: 'rubricTemplate',
    schema: rubricTemplateSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  rubricScore: defineEntity({
    name: 'rubricScore',
    schema: rubricScoreSchema,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  }),
  trackChunk: defineEntity({
    name: 'trackChunk',
    schema: trackChunkSchema,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  }),
  mapPack: defineEntity({
    name: 'mapPack',
    schema: mapPackSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  visionStatement: defineEntity({
    name: 'visionStatement',
    schema: visionStatementSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  project: defineEntity({
    name: 'project',
    schema: projectSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  governmentArea: defineEntity({
    name: 'governmentArea',
    schema: governmentAreaSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  agendaVersion: defineEntity({
    name: 'agendaVersion',
    schema: agendaVersionSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
  agendaValidation: defineEntity({
    name: 'agendaValidation',
    schema: agendaValidationSchema,
    appendOnly: true,
    reference: false,
    processIdOf: byProcessField,
  }),
  projectStatus: defineEntity({
    name: 'projectStatus',
    schema: projectStatusSchema,
    appendOnly: false,
    reference: true,
    processIdOf: () => null,
  }),
  projectUpdate: defineEntity({
    name: 'projectUpdate',
    schema: projectUpdateSchema,
    appendOnly: false,
    reference: false,
    processIdOf: byProcessField,
  }),
};

export type EntityName = keyof typeof entities;
/** The fields a record of `N` holds, as its schema outputs them (`EntityFields<'process'>` is `Process`). */
export type EntityFields<N extends EntityName> =
  (typeof entities)[N] extends EntityDefinition<infer F extends Fields> ? F : never;
export const ENTITY_NAMES = Object.keys(entities) as EntityName[];

export function isEntityName(name: unknown): name is EntityName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(entities, name);
}

export function getEntity(name: EntityName): EntityDefinition {
  return entities[name];
}
