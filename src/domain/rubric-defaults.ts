/**
 * The rubric templates the app ships with, in Spanish. The server adds them
 * on start when they are missing (same ids everywhere, derived from a slug),
 * written with the oldest possible clock so any edit by the Unit wins; an
 * edit is saved as a new version of the same family.
 */
import { v5 } from 'uuid';
import type { RubricCriterion, RubricTemplate } from './entities/rubric';

const RUBRIC_NAMESPACE = '0b6a1f7e-93c4-4d5e-8a2b-7c1d9e3f5a64';

export function defaultTemplateId(slug: string, version = 1): string {
  return v5(`rubric:${slug}:v${version}`, RUBRIC_NAMESPACE);
}
export function defaultFamilyId(slug: string): string {
  return v5(`rubric-family:${slug}`, RUBRIC_NAMESPACE);
}

type Levels = RubricCriterion['levels'];
const c = (id: string, label: string, levels: Levels): RubricCriterion => ({ id, label, levels });

function template(
  slug: string,
  fields: Omit<RubricTemplate, 'family' | 'version' | 'active'>,
): RubricTemplate & { id: string } {
  return { id: defaultTemplateId(slug), ...fields, family: defaultFamilyId(slug), version: 1, active: true };
}

export const DEFAULT_RUBRIC_TEMPLATES: (RubricTemplate & { id: string })[] = [
  template('asamblea-comunitaria', {
    name: 'Asamblea comunitaria',
    description: 'Producto de la sesión: cómo se convocó, quién participó y qué se acordó.',
    kind: 'product',
    appliesTo: 'session',
    sessionType: 'community_assembly',
    criteria: [
      c('convocatoria', 'Convocatoria', [
        'Solo asistieron personas ya cercanas al equipo.',
        'Se convocó a algunos sectores de la unidad territorial.',
        'Se convocó a la mayoría de los sectores con varios medios.',
        'La convocatoria llegó a toda la unidad, incluidos grupos poco escuchados.',
      ]),
      c('participacion', 'Participación diversa', [
        'Hablaron pocas personas, casi siempre las mismas.',
        'Participaron varias personas, con poca diversidad de edad o género.',
        'Participaron mujeres, hombres, jóvenes y personas mayores.',
        'La diversidad de la comunidad se expresó y fue escuchada.',
      ]),
      c('acuerdos', 'Acuerdos', [
        'No se tomaron acuerdos.',
        'Hubo acuerdos sin responsables ni fechas.',
        'Los acuerdos tienen responsables o fechas.',
        'Los acuerdos son claros, con responsables, fechas y seguimiento.',
      ]),
      c('deliberacion', 'Deliberación', [
        'No hubo diálogo; solo se informó.',
        'Se dialogó, pero algunas voces dominaron.',
        'Se dialogó con respeto y se consideraron varias opiniones.',
        'La deliberación construyó consensos y reconoció los disensos.',
      ]),
    ],
  }),
  template('taller-planeacion', {
    name: 'Taller de planeación',
    description: 'Aprendizajes del colectivo en el taller.',
    kind: 'learning',
    appliesTo: 'session',
    sessionType: 'planning_workshop',
    criteria: [
      c('metodo', 'Comprensión del método', [
        'El colectivo no identifica en qué etapa está.',
        'Identifica la etapa, pero no su propósito.',
        'Explica la etapa y su propósito.',
        'Explica el método y lo relaciona con sus propias decisiones.',
      ]),
      c('colaboracion', 'Trabajo colaborativo', [
        'Cada quien trabajó por separado.',
        'Hubo colaboración en pequeños grupos.',
        'El grupo se organizó y repartió tareas.',
        'El grupo se organizó solo y apoyó a quienes participan menos.',
      ]),
      c('apropiacion', 'Apropiación', [
        'El equipo facilitador llevó todo el trabajo.',
        'El colectivo propuso algunas ideas.',
        'El colectivo propuso y decidió la mayor parte.',
        'El colectivo condujo el taller con apoyo mínimo.',
      ]),
    ],
  }),
  template('momento-autodiagnostico', {
    name: 'Momento 1: Autodiagnóstico',
    description: 'Se aplica al cerrar el autodiagnóstico, junto con entrevistas grupales o individuales.',
    kind: 'product',
    appliesTo: 'moment',
    moment: 'self_diagnosis',
    criteria: [
      c('problemas', 'Identificación de problemas', [
        'Los problemas son vagos o ajenos a la unidad territorial.',
        'Se identificaron problemas concretos, sin ordenar.',
        'Los problemas están agrupados por área temática.',
        'Los problemas son concretos, agrupados y reconocidos por la comunidad.',
      ]),
      c('causas', 'Análisis de causas y efectos', [
        'No se analizaron causas ni efectos.',
        'Se mencionan causas o efectos sueltos.',
        'Cada problema principal tiene causas y efectos.',
        'El análisis distingue causas de fondo y relaciones entre problemas.',
      ]),
      c('evidencia', 'Evidencia territorial', [
        'No hay evidencia del recorrido.',
        'Hay algunas notas o fotografías.',
        'Los problemas principales tienen notas y fotografías del recorrido.',
        'Toda la información está ubicada en el mapa y enlazada a los problemas.',
      ]),
    ],
  }),
  template('momento-imaginarios', {
    name: 'Momento 2: Construcción de imaginarios',
    description: 'La visión del barrio que la comunidad quiere.',
    kind: 'learning',
    appliesTo: 'moment',
    moment: 'imaginaries',
    criteria: [
      c('vision', 'Visión compartida', [
        'No hay una visión común.',
        'Hay ideas sueltas sobre el futuro del barrio.',
        'Existe una visión escrita o dibujada por el colectivo.',
        'La visión es compartida y la comunidad la reconoce como propia.',
      ]),
      c('voces', 'Inclusión de voces', [
        'Solo se recogió la voz de pocas personas.',
        'Se incluyeron algunos grupos de la comunidad.',
        'Se incluyeron niñas, niños, jóvenes, mujeres y personas mayores.',
        'Grupos históricamente excluidos aportaron y se reconocen en la visión.',
      ]),
      c('vinculo', 'Vínculo con el diagnóstico', [
        'La visión no se relaciona con los problemas priorizados.',
        'Se relaciona con algunos problemas.',
        'Responde a los problemas priorizados.',
        'Responde a los problemas y aprovecha los recursos del barrio.',
      ]),
    ],
  }),
  template('momento-planeacion', {
    name: 'Momento 3: Planeación de proyectos y acciones',
    description: 'Los proyectos y acciones de la Agenda Local.',
    kind: 'product',
    appliesTo: 'moment',
    moment: 'planning',
    criteria: [
      c('claridad', 'Claridad de proyectos', [
        'Los proyectos son deseos generales.',
        'Los proyectos tienen objetivo, sin actividades.',
        'Tienen objetivo, actividades y responsables.',
        'Tienen objetivo, actividades, responsables, plazos e indicadores.',
      ]),
      c('corresponsabilidad', 'Corresponsabilidad', [
        'Todo se espera del gobierno.',
        'Se reconocen algunas tareas de la comunidad.',
        'Se distinguen autogestión, cogestión y gestión de gobierno.',
        'El colectivo asume compromisos y gestiona con las áreas de gobierno.',
      ]),
      c('prioridades', 'Vínculo con las prioridades', [
        'Los proyectos no atienden lo priorizado.',
        'Atienden algunas prioridades.',
        'Atienden las prioridades votadas.',
        'Atienden las prioridades y su orden refleja la votación.',
      ]),
    ],
  }),
];
