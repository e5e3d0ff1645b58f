/**
 * Photos of the office's export: every photo the filtered records hold, once
 * per hash, with an index (CSV) saying which record it belongs to; the zip
 * stores the photos without compressing them again (they are JPEG or WebP).
 */
import { zipSync, strToU8 } from 'fflate';
import { encodeCsv } from './csv';
import type { FilteredExportData } from './export-context';

export interface PhotoEntry {
  sha256: string;
  mime: string;
  /** Path inside the zip, e.g. `fotos/2026-03-14-sesion-1a2b3c4d.jpg`. */
  file: string;
  recordKind: 'sesion' | 'nota_recorrido';
  recordId: string;
  processId: string;
  date: string;
  title: string;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
};

export function extensionOf(mime: string): string {
  return EXTENSIONS[mime] ?? (mime.split('/')[1]?.replace(/[^a-z0-9]/g, '') || 'bin');
}

/** The photos of the filtered sessions and tour notes, each hash once (the first record that holds it), oldest first. */
export function photoEntries(data: Pick<FilteredExportData, 'sessions' | 'tourNotes'>): PhotoEntry[] {
  const out = new Map<string, PhotoEntry>();
  const add = (e: Omit<PhotoEntry, 'file'>) => {
    if (out.has(e.sha256)) return;
    const day = e.date.slice(0, 10);
    const kind = e.recordKind === 'sesion' ? 'sesion' : 'nota';
    out.set(e.sha256, { ...e, file: `fotos/${day}-${kind}-${e.sha256.slice(0, 12)}.${extensionOf(e.mime)}` });
  };
  type Source = Omit<PhotoEntry, 'file' | 'sha256' | 'mime'> & {
    photos?: readonly Pick<PhotoEntry, 'sha256' | 'mime'>[] | undefined;
  };
  const oldestFirst = (records: Source[]) =>
    records.sort((a, b) => a.date.localeCompare(b.date) || a.recordId.localeCompare(b.recordId));
  const sources = [
    ...oldestFirst(
      data.sessions.map((s) => ({
        recordKind: 'sesion' as const,
        recordId: s.id,
        processId: s.processId,
        date: s.date,
        title: s.title,
        photos: s.photos,
      })),
    ),
    ...oldestFirst(
      data.tourNotes.map((n) => ({
        recordKind: 'nota_recorrido' as const,
        recordId: n.id,
        processId: n.processId,
        date: n.takenAt,
        title: n.description,
        photos: n.photos,
      })),
    ),
  ];
  for (const { photos, ...record } of sources) {
    for (const p of photos ?? []) add({ sha256: p.sha256, mime: p.mime, ...record });
  }
  return [...out.values()];
}

/** The index of the zip: one row per photo, with whether its bytes are in the zip. */
export function photoIndexCsv(entries: readonly PhotoEntry[], included: ReadonlySet<string>): string {
  return encodeCsv({
    headers: [
      'Archivo',
      'SHA-256',
      'Tipo de registro',
      'ID registro',
      'ID proceso',
      'Fecha',
      'Título o descripción',
      'Incluida',
    ],
    rows: entries.map((e) => [
      included.has(e.sha256) ? e.file : '',
      e.sha256,
      e.recordKind,
      e.recordId,
      e.processId,
      e.date,
      e.title,
      included.has(e.sha256) ? 'sí' : 'no',
    ]),
  });
}

/** The zip: `indice.csv` and the photos whose bytes are given (by hash). */
export function encodePhotoZip(
  entries: readonly PhotoEntry[],
  bytes: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  const included = new Set<string>();
  for (const e of entries) {
    const b = bytes.get(e.sha256);
    if (!b) continue;
    files[e.file] = [b, { level: 0 }];
    included.add(e.sha256);
  }
  files['indice.csv'] = strToU8(photoIndexCsv(entries, included));
  return zipSync(files, { level: 6 });
}
