/**
 * `/api/v1/schema`: the JSON Schema of every synced entity, generated from
 * the same zod schemas the client and the server validate with, so an
 * outside client (a script, a second app) never reads a hand-written copy.
 */
import { z } from 'zod';
import { ENTITY_NAMES, getEntity } from '../../domain';

export const entitySchemasResponseSchema = z.object({
  entities: z.record(z.string(), z.record(z.string(), z.unknown())),
  /** Entities whose records are never edited in place (corrections are new records). */
  appendOnly: z.array(z.string()),
  /** Entities sent to every user regardless of scope. */
  reference: z.array(z.string()),
});
export type EntitySchemas = z.infer<typeof entitySchemasResponseSchema>;

/** A zod schema as a JSON Schema object (draft 2020-12, which OpenAPI 3.1 also uses). */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

let cached: EntitySchemas | null = null;

export function entitySchemas(): EntitySchemas {
  if (cached) return cached;
  const result: EntitySchemas = { entities: {}, appendOnly: [], reference: [] };
  for (const name of ENTITY_NAMES) {
    const definition = getEntity(name);
    // `input`: what a record may contain when pushed (unknown extra fields are kept, not refused).
    result.entities[name] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: name,
      ...toJsonSchema(definition.schema, 'input'),
      appendOnly: definition.appendOnly,
      reference: definition.reference,
    };
    if (definition.appendOnly) result.appendOnly.push(name);
    if (definition.reference) result.reference.push(name);
  }
  cached = result;
  return result;
}
