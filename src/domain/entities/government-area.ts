/**
 * Government areas of the borough (*áreas de gobierno*: works, social
 * development, civil protection…) that manage or co-manage projects and take
 * on commitments. Reference data kept by the Planning Unit's coordinators,
 * like the directorates: every device receives it. An area that no longer
 * exists is made inactive, never deleted, so the projects that name it keep
 * their meaning.
 */
import { z } from 'zod';
import { slugIds } from './slug-ids';

export const governmentAreaSchema = z.object({
  name: z.string().trim().min(3).max(200),
  /** The name used on small screens and in the printed Agenda's tables. */
  shortName: z.string().trim().min(2).max(40),
  /** Inactive areas are no longer offered for new projects. */
  active: z.boolean(),
});
export type GovernmentArea = z.infer<typeof governmentAreaSchema>;

/** The id of a shipped area, the same on every server (derived from its slug). */
export const defaultGovernmentAreaId = slugIds('government-area', '8f3e2a61-4b7c-4d9e-a1f0-2c5b6d7e8f90');

const area = (slug: string, name: string, shortName: string): GovernmentArea & { id: string } => ({
  id: defaultGovernmentAreaId(slug),
  name,
  shortName,
  active: true,
});

/**
 * The borough's areas the server adds at start when they are missing
 * (server/services/reference-defaults.service.ts). Coordinators rename,
 * add and retire areas; their edits always win over these.
 */
export const DEFAULT_GOVERNMENT_AREAS: (GovernmentArea & { id: string })[] = [
  area('obras', 'Dirección General de Obras y Desarrollo Urbano', 'Obras'),
  area('desarrollo-social', 'Dirección General de Desarrollo Social', 'Desarrollo Social'),
  area('medio-ambiente', 'Dirección General de Medio Ambiente y Sustentabilidad', 'Medio Ambiente'),
  area('proteccion-civil', 'Coordinación de Protección Civil', 'Protección Civil'),
  area('cultura', 'Dirección de Cultura', 'Cultura'),
  area('seguridad-ciudadana', 'Dirección General de Seguridad Ciudadana', 'Seguridad Ciudadana'),
  area('servicios-urbanos', 'Dirección General de Servicios Urbanos', 'Servicios Urbanos'),
  area('participacion-ciudadana', 'Dirección General de Participación Ciudadana', 'Participación Ciudadana'),
  area('gobierno', 'Dirección General de Gobierno', 'Gobierno'),
  area('juridico', 'Dirección General Jurídica', 'Jurídico'),
  area('desarrollo-economico', 'Dirección General de Desarrollo Económico', 'Desarrollo Económico'),
  area('movilidad', 'Dirección de Movilidad', 'Movilidad'),
  area('agua', 'Dirección de Agua Potable y Drenaje', 'Agua'),
  area('salud', 'Dirección de Salud', 'Salud'),
  area('educacion', 'Dirección de Educación', 'Educación'),
  area('deporte', 'Dirección de Deporte', 'Deporte'),
  area('igualdad-genero', 'Dirección de Igualdad de Género', 'Igualdad de Género'),
];
