/** Projects and actions with their commitments, and rubric levels, as export tables. */
import { currentScores } from '../rubric-stats';
import { yesNo, type Context } from './export-context';
import type { CellValue, ExportTable } from './table';

export function projects({ data, label, processName }: Context): ExportTable[] {
  const areas = new Map(data.governmentAreas.map((a) => [a.id, a]));
  const statuses = new Map((data.projectStatuses ?? []).map((s) => [s.id, s.name]));
  const areaName = (id: string | undefined) => (id ? (areas.get(id)?.name ?? id) : '');
  const rows: CellValue[][] = [];
  const commitments: CellValue[][] = [];
  for (const p of data.projects) {
    rows.push([
      p.id,
      p.processId,
      processName(p.processId),
      p.kind,
      label('kind', p.kind),
      p.parentId ?? '',
      p.communityOrder ?? null,
      p.title,
      p.theme,
      label('theme', p.theme),
      p.managementMode,
      label('management', p.managementMode),
      p.governmentAreaIds.map(areaName).join('; '),
      p.term,
      label('term', p.term),
      p.statusId ?? '',
      p.statusId ? (statuses.get(p.statusId) ?? '') : 'Sin estado',
      p.progress ?? null,
      p.where?.unitKeys?.join(' ') ?? '',
      p.description ?? '',
    ]);
    for (const c of p.commitments) {
      commitments.push([
        p.id,
        p.processId,
        c.id,
        c.who.kind,
        label('party', c.who.kind),
        c.who.name ?? '',
        c.who.governmentAreaId ?? '',
        areaName(c.who.governmentAreaId),
        c.what,
        c.dueDate,
        yesNo(c.done),
      ]);
    }
  }
  return [
    {
      name: 'proyectos',
      sheet: 'Proyectos y acciones',
      headers: [
        'ID',
        'ID proceso',
        'Proceso',
        'Tipo (código)',
        'Tipo',
        'ID proyecto padre',
        'Orden',
        'Título',
        'Tema (código)',
        'Tema',
        'Gestión (código)',
        'Gestión',
        'Áreas de gobierno',
        'Plazo (código)',
        'Plazo',
        'Estado (id)',
        'Estado',
        'Avance (%)',
        'Unidades (claves)',
        'Descripción',
      ],
      rows,
    },
    {
      name: 'compromisos',
      sheet: 'Compromisos',
      headers: [
        'ID proyecto',
        'ID proceso',
        'ID compromiso',
        'Parte (código)',
        'Parte',
        'Nombre de la parte',
        'Área de gobierno (id)',
        'Área de gobierno',
        'Compromiso',
        'Fecha límite',
        'Cumplido',
      ],
      rows: commitments,
    },
  ];
}

export function rubricLevels({ data, label }: Context): ExportTable {
  const templates = new Map(data.rubricTemplates.map((t) => [t.id, t]));
  const rows: CellValue[][] = [];
  for (const s of currentScores(data.rubricScores)) {
    const t = templates.get(s.templateId);
    const moment = s.target === 'moment' && s.moment ? s.moment : 'session';
    for (const [criterionId, level] of Object.entries(s.levels)) {
      rows.push([
        s.id,
        s.processId,
        s.sessionId ?? '',
        t?.name ?? '',
        s.templateVersion,
        moment,
        label('moment', moment),
        criterionId,
        t?.criteria.find((c) => c.id === criterionId)?.label ?? '',
        level,
        s.scoredAt,
      ]);
    }
  }
  return {
    name: 'rubricas',
    sheet: 'Rúbricas',
    headers: [
      'ID calificación',
      'ID proceso',
      'ID sesión',
      'Rúbrica',
      'Versión',
      'Momento (código)',
      'Momento',
      'Criterio (id)',
      'Criterio',
      'Nivel (1-4)',
      'Calificada',
    ],
    rows,
  };
}
