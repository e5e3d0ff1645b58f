/**
 * Territory: the borough's neighbourhood units (*unidades territoriales*) and its
 * territorial directorates. Reference data: every device receives it.
 *
 * A unit's record id derives from its key (UUIDv5), so importing the same
 * file twice, on any server, updates the same records instead of duplicating them.
 */
import { v5 } from 'uuid';
import { z } from 'zod';
import { UNIT_KEY_PATTERN } from './process';

const TERRITORY_NAMESPACE = '5d7f4b0e-2c1a-4e59-9a63-6f1f3c0a7b21';

export function unitIdFromKey(key: string): string {
  return v5(`unit:${key}`, TERRITORY_NAMESPACE);
}

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);
const position = z.tuple([longitude, latitude]).rest(z.number());
const ring = z
  .array(position)
  .min(4)
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], 'ring is not closed');
const polygon = z.array(ring).min(1);

export const unitGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);
export type UnitGeometry = z.infer<typeof unitGeometrySchema>;

export const territorialUnitSchema = z.object({
  key: z.string().regex(UNIT_KEY_PATTERN),
  name: z.string().trim().min(1).max(200),
  population: z.number().int().min(0).max(10_000_000),
  directorateId: z.uuid().nullish(),
  prioritised: z.boolean(),
  geometry: unitGeometrySchema,
});
export type TerritorialUnit = z.infer<typeof territorialUnitSchema>;

export const directorateSchema = z.object({
  name: z.string().trim().min(2).max(120),
  number: z.number().int().min(1).max(99),
});
export type Directorate = z.infer<typeof directorateSchema>;

/** The fields an import sets; `directorateId` and `prioritised` belong to coordinators and are left alone. */
export type ImportedUnit = Pick<TerritorialUnit, 'key' | 'name' | 'population' | 'geometry'>;

export interface RefusedFeature {
  index: number;
  key: string | null;
  /** Stable code (for i18n) and a plain explanation. */
  code:
    | 'not_a_feature'
    | 'missing_key'
    | 'bad_key'
    | 'missing_name'
    | 'bad_population'
    | 'bad_geometry'
    | 'duplicate_key';
  message: string;
}

export interface TerritoryParseResult {
  units: ImportedUnit[];
  refused: RefusedFeature[];
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/**
 * Reads a GeoJSON FeatureCollection of neighbourhood units (the IECM layout:
 * `CVEUT` key, `UT` name, `POBL` population; `key`/`name`/`population` also
 * accepted). Every feature is either returned as a unit or refused with a reason;
 * nothing is dropped silently.
 */
export function parseTerritoryGeoJson(input: unknown): TerritoryParseResult {
  const collection = input as { type?: unknown; features?: unknown };
  if (!collection || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new Error('El archivo no es una FeatureCollection de GeoJSON / not a GeoJSON FeatureCollection');
  }
  const units: ImportedUnit[] = [];
  const refused: RefusedFeature[] = [];
  const seen = new Set<string>();
  collection.features.forEach((feature: unknown, index: number) => {
    const f = feature as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };
    const refuse = (code: RefusedFeature['code'], message: string, key: string | null = null) =>
      refused.push({ index, key, code, message });
    if (!f || f.type !== 'Feature') return refuse('not_a_feature', 'no es un Feature de GeoJSON');
    const p = f.properties ?? {};
    const key = str(p.CVEUT ?? p.key);
    if (!key) return refuse('missing_key', 'falta la clave de la unidad (CVEUT)');
    if (!UNIT_KEY_PATTERN.test(key)) return refuse('bad_key', `clave con formato inválido: «${key}»`, key);
    if (seen.has(key)) return refuse('duplicate_key', `la clave ${key} aparece más de una vez`, key);
    const name = str(p.UT ?? p.name);
    if (!name) return refuse('missing_name', 'falta el nombre de la unidad (UT)', key);
    const popText = str(p.POBL ?? p.population);
    const population = popText === null ? NaN : Number(popText);
    if (!Number.isInteger(population) || population < 0) {
      return refuse('bad_population', `población inválida: «${popText ?? ''}»`, key);
    }
    const geometry = unitGeometrySchema.safeParse(f.geometry);
    if (!geometry.success) {
      return refuse(
        'bad_geometry',
        `geometría inválida (${geometry.error.issues[0]?.message ?? 'desconocida'})`,
        key,
      );
    }
    seen.add(key);
    units.push({ key, name, population, geometry: geometry.data });
  });
  return { units, refused };
}

/** What a territory import did (server → client, CLI): counts, refusals with reasons, population, time. */
export const territoryImportReportSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Features not imported; `code` is a RefusedFeature code or the one the server's write path gave. */
  refused: z.array(
    z.object({ index: z.number().int(), key: z.string().nullable(), code: z.string(), message: z.string() }),
  ),
  /** Units of the file that were accepted (added + updated + unchanged) and their total population. */
  units: z.number().int(),
  population: z.number().int(),
  ms: z.number(),
});
export type TerritoryImportReport = z.infer<typeof territoryImportReportSchema>;

/** Largest accepted territory file (the borough's is about 0.6 MiB). */
export const MAX_TERRITORY_BYTES = 10 * 1024 * 1024;
