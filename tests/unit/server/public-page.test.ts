/**
 * The public page's content and HTML (ADR 0008): what is chosen from a
 * process's records, escaped text, accessible progress bars, and nothing
 * that was not marked public.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROJECT_STATUSES,
  defaultProjectStatusId,
  formatHlc,
  type Fields,
} from '../../../src/domain';
import type { StoredRecord } from '../../../src/server/repositories/records.repository';
import { publicPageModel, showsPhoto } from '../../../src/server/services/public-page-model';
import { escapeHtml, renderPublicPage } from '../../../src/server/services/public-page-render';

const P = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const [A, B, C, U1, U2, U3, V1, V2] = [
  'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  'dddddddd-dddd-4ddd-8ddd-dddddddddd01',
  'dddddddd-dddd-4ddd-8ddd-dddddddddd02',
  'dddddddd-dddd-4ddd-8ddd-dddddddddd03',
  'eeeeeeee-eeee-4eee-8eee-eeeeeeeeee01',
  'eeeeeeee-eeee-4eee-8eee-eeeeeeeeee02',
];
const SHOWN = 'a'.repeat(64);
const HIDDEN = 'b'.repeat(64);

let seq = 0;
function rec(
  entity: string,
  id: string,
  fields: Fields,
  deleted = false,
  millis = Date.UTC(2026, 11, 1),
): StoredRecord {
  const stamp = formatHlc({ millis, counter: 0, node: '00000000000000a1' });
  return {
    entity,
    id,
    processId: entity === 'process' ? id : (fields.processId as string),
    state: { fields, hlcs: Object.fromEntries(Object.keys(fields).map((k) => [k, stamp])), deleted },
    seq: ++seq,
  };
}

const statuses = DEFAULT_PROJECT_STATUSES.map(({ id, ...fields }) =>
  rec('projectStatus', id, fields as Fields),
);
const entry = (id: string, outline: string, title: string, kind = 'project') => ({
  id,
  outline,
  title,
  kind,
  description: null,
  governmentAreas: [{ id: OTHER, name: 'Obras y Servicios', shortName: 'Obras' }],
});
const version = (id: string, number: number, status: string, projects: unknown[]) =>
  rec('agendaVersion', id, {
    processId: P,
    number,
    status,
    content: {
      units: [{ key: '07-001', name: 'Barrio <Alto>' }],
      projects,
      collective: { names: ['Juana'] },
    },
  });
const update = (id: string, projectId: string, text: string, over: Fields = {}) =>
  rec('projectUpdate', id, {
    processId: P,
    projectId,
    date: '2026-12-01',
    text,
    kind: 'milestone',
    photos: [
      { sha256: SHOWN, mime: 'image/jpeg', width: 800, height: 600 },
      { sha256: HIDDEN, mime: 'image/jpeg' },
    ],
    publicPhotos: [SHOWN],
    authorRole: 'facilitator',
    public: true,
    ...over,
  });

function records(published = true) {
  return [
    rec('process', P, {
      name: 'Colonia <b>Centro</b>',
      unitKeys: ['07-001'],
      published,
      teamUserIds: ['u1'],
    }),
    version(V1, 1, 'validated', [
      entry(A, '1', 'Huerto & <script>alert(1)</script>'),
      entry(B, '2', 'Oculto'),
    ]),
    version(V2, 2, 'draft', [entry(C, '1', 'Borrador no validado')]),
    rec('project', A, {
      processId: P,
      title: 'Huerto',
      public: true,
      statusId: defaultProjectStatusId('en-ejecucion'),
      progress: 35,
    }),
    rec('project', B, { processId: P, title: 'Oculto', public: false }),
    rec('project', C, { processId: P, title: 'Borrador no validado', public: true }),
    update(U1, A, 'Primera cosecha "buena"'),
    update(U2, A, 'Nota interna', { public: false }),
    update(U3, A, 'Borrada', {}),
  ].map((r) => (r.id === U3 ? { ...r, state: { ...r.state, deleted: true } } : r));
}

describe('the public page model', () => {
  it('is null unless the process is published and live', () => {
    expect(publicPageModel({ processId: P, records: records(false), statuses })).toBeNull();
    expect(publicPageModel({ processId: OTHER, records: records(), statuses })).toBeNull();
    const deleted = records().map((r) =>
      r.entity === 'process' ? { ...r, state: { ...r.state, deleted: true } } : r,
    );
    expect(publicPageModel({ processId: P, records: deleted, statuses })).toBeNull();
  });

  it('keeps the validated Agenda’s public projects, their public updates and chosen photos only', () => {
    const model = publicPageModel({ processId: P, records: records(), statuses })!;
    expect(model.agendaNumber).toBe(1);
    expect(model.projects.map((p) => p.id)).toEqual([A]);
    const [project] = model.projects;
    expect(project!.status).toBe('En ejecución');
    expect(project!.progress).toBe(35);
    expect(project!.updates.map((u) => u.text)).toEqual(['Primera cosecha "buena"']);
    expect(project!.updates[0]!.photos.map((p) => p.sha256)).toEqual([SHOWN]);
    expect(showsPhoto(model, SHOWN)).toBeDefined();
    expect(showsPhoto(model, HIDDEN)).toBeUndefined();
  });

  it('ignores records of another process even when they are in the list', () => {
    const foreign = rec('projectUpdate', 'ffffffff-ffff-4fff-8fff-ffffffffffff', {
      processId: OTHER,
      projectId: A,
      date: '2026-12-02',
      text: 'De otro proceso',
      photos: [],
      public: true,
    });
    const model = publicPageModel({ processId: P, records: [...records(), foreign], statuses })!;
    expect(model.projects[0]!.updates.map((u) => u.text)).not.toContain('De otro proceso');
  });
});

describe('the public page HTML', () => {
  const html = renderPublicPage(publicPageModel({ processId: P, records: records(), statuses })!);

  it('escapes what came from records', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Huerto &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Colonia &lt;b&gt;Centro&lt;/b&gt;');
    expect(html).toContain('Barrio &lt;Alto&gt;');
    expect(html).toContain('Primera cosecha &quot;buena&quot;');
  });

  it('draws each progress bar with its role and values, and says it in words', () => {
    expect(html).toMatch(
      /<div class="bar" role="progressbar" aria-valuenow="35" aria-valuemin="0" aria-valuemax="100" aria-valuetext="35 %" aria-label="Avance de 1 Huerto &amp; [^"]*">/,
    );
    expect(html).toContain('Avance: <strong>35 %</strong>');
  });

  it('leaves out what is not public: hidden projects, drafts, private updates and photos, people', () => {
    for (const word of ['Oculto', 'Borrador no validado', 'Nota interna', 'Borrada', HIDDEN, 'Juana', 'u1']) {
      expect(html, word).not.toContain(word);
    }
    expect(html).toContain(`/publico/${P}/fotos/${SHOWN}`);
    expect(html).toContain('width="800" height="600"');
  });

  it('is a small page in Spanish with no script', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="es-MX">/);
    expect(html).not.toMatch(/<script/i);
    expect(Buffer.byteLength(html)).toBeLessThan(8_000);
  });

  it('says so when no Agenda is validated yet', () => {
    const drafts = records().filter((r) => r.id !== V1);
    const page = renderPublicPage(publicPageModel({ processId: P, records: drafts, statuses })!);
    expect(page).toContain('todavía no ha sido validada');
    expect(page).not.toContain('Borrador no validado');
  });
});
