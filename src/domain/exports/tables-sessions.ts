/** Sessions with their attendance and agreements, and tour notes, as export tables. */
import { AGE_GROUPS, attendanceTotal, GENDERS } from '../entities/session';
import type { Context } from './export-context';
import type { CellValue, ExportTable } from './table';

export function sessions({ data, label, processName }: Context): ExportTable[] {
  const sessionRows: CellValue[][] = [];
  const attendance: CellValue[][] = [];
  const agreements: CellValue[][] = [];
  for (const s of data.sessions) {
    const a = s.attendance;
    const gender = (g: (typeof GENDERS)[number]) =>
      AGE_GROUPS.reduce((sum, age) => sum + a.counts[g][age], 0);
    sessionRows.push([
      s.id,
      s.processId,
      processName(s.processId),
      s.type,
      label('sessionType', s.type),
      s.title,
      s.date,
      s.place,
      s.facilitators.join('; '),
      attendanceTotal(a),
      gender('women'),
      gender('men'),
      gender('nonBinary'),
      gender('notStated'),
      a.indigenous,
      a.disability,
      s.location?.lat ?? null,
      s.location?.lon ?? null,
      s.photos?.length ?? 0,
    ]);
    for (const g of GENDERS) {
      for (const age of AGE_GROUPS) {
        attendance.push([
          s.id,
          s.processId,
          s.date,
          g,
          label('gender', g),
          age,
          label('age', age),
          a.counts[g][age],
        ]);
      }
    }
    for (const ag of s.agreements) {
      agreements.push([
        s.id,
        s.processId,
        ag.id,
        ag.text,
        ag.responsible,
        ag.dueDate ?? '',
        ag.status,
        label('agreementStatus', ag.status),
      ]);
    }
  }
  return [
    {
      name: 'sesiones',
      sheet: 'Sesiones',
      headers: [
        'ID sesión',
        'ID proceso',
        'Proceso',
        'Tipo (código)',
        'Tipo',
        'Título',
        'Fecha',
        'Lugar',
        'Facilitadores',
        'Asistentes',
        'Mujeres',
        'Hombres',
        'No binario/otro',
        'No especificado',
        'Personas indígenas',
        'Personas con discapacidad',
        'Latitud',
        'Longitud',
        'Fotos',
      ],
      rows: sessionRows,
    },
    {
      name: 'asistencia',
      sheet: 'Asistencia',
      headers: [
        'ID sesión',
        'ID proceso',
        'Fecha',
        'Género (código)',
        'Género',
        'Grupo de edad (código)',
        'Grupo de edad',
        'Personas',
      ],
      rows: attendance,
    },
    {
      name: 'acuerdos',
      sheet: 'Acuerdos',
      headers: [
        'ID sesión',
        'ID proceso',
        'ID acuerdo',
        'Acuerdo',
        'Responsable',
        'Fecha límite',
        'Estado (código)',
        'Estado',
      ],
      rows: agreements,
    },
  ];
}

export function tourNotes({ data, label, processName }: Context): ExportTable {
  return {
    name: 'notas_recorrido',
    sheet: 'Notas de recorrido',
    headers: [
      'ID nota',
      'ID proceso',
      'Proceso',
      'ID sesión',
      'Tema (código)',
      'Tema',
      'Gravedad (código)',
      'Gravedad',
      'Descripción',
      'Latitud',
      'Longitud',
      'Tomada',
      'Fotos',
    ],
    rows: data.tourNotes.map((n) => [
      n.id,
      n.processId,
      processName(n.processId),
      n.sessionId,
      n.theme,
      label('theme', n.theme),
      n.severity,
      label('severity', n.severity),
      n.description,
      n.location?.lat ?? null,
      n.location?.lon ?? null,
      n.takenAt,
      n.photos?.length ?? 0,
    ]),
  };
}
