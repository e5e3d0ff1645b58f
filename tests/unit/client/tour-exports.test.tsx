/** "Recorridos" on the process page: counts, and GeoJSON/GPX downloads built from the device's database. */
import { check } from '@placemarkio/check-geojson';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession } from '../../../src/client/data/use-sessions';
import { useTourExportCounts } from '../../../src/client/data/use-tour-exports';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { emptyAttendance, newId, type Session } from '../../../src/domain';
import { ProcessTourExports } from '../../../src/client/features/tour-exports/process-tour-exports';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('tour-exports-ui', (opened) => (db = opened));

let saved: Blob[] = [];
let names: string[] = [];
const originalUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeEach(() => {
  saved = [];
  names = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      saved.push(blob);
      return `blob:export-${saved.length}`;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL: originalUrl.create, revokeObjectURL: originalUrl.revoke });
});

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

function session(processId: string, type: Session['type'], title: string): Session {
  return {
    processId,
    type,
    title,
    date: '2026-03-14',
    place: 'Calle 5 de Mayo',
    facilitators: ['Rosa Martínez'],
    attendance: emptyAttendance(),
    agreements: [],
  };
}

const at = (second: number) => new Date(Date.UTC(2026, 2, 14, 16, 0, second)).toISOString();

function today() {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Says when the device database has answered the counts the section reads. */
function CountsRead({ processId }: { processId: string }) {
  const counts = useTourExportCounts(processId);
  return counts ? <p>Leídos: {counts.tours} recorridos</p> : null;
}

describe('tour exports on the process page', () => {
  it('stays hidden until the process has a tour, then counts tours, notes and track points', async () => {
    const processId = await createProcess({
      name: 'Colonia Santa Cruz Meyehualco',
      unitKeys: ['07-001'],
      stage: 'self_diagnosis',
    });
    await createSession(session(processId, 'community_assembly', 'Asamblea de arranque'));
    const { container } = render(<ProcessTourExports processId={processId} />);
    // Hidden once the device has answered, not merely before it has: wait for the same counts.
    render(<CountsRead processId={processId} />);
    expect(await screen.findByText('Leídos: 0 recorridos')).toBeInTheDocument();
    expect(container).toBeEmptyDOMElement();

    const tourId = await createSession(session(processId, 'territorial_tour', 'Recorrido por el canal'));
    const section = await screen.findByRole('region', { name: 'Recorridos' });
    const facts = within(section).getByLabelText('Lo que hay en este dispositivo');
    await waitFor(() => expect(facts).toHaveTextContent(/Recorridos\s*1/));
    expect(facts).toHaveTextContent(/Notas de recorrido\s*0/);
    expect(facts).toHaveTextContent(/Puntos de trayecto\s*0/);
    expect(within(section).getByText(/Todavía no hay puntos de trayecto/)).toBeVisible();
    expect(within(section).queryByRole('button', { name: 'Descargar recorridos (GPX)' })).toBeNull();

    const segmentId = newId();
    await writeLocal(db, 'trackChunk', newId(), {
      op: 'put',
      fields: {
        processId,
        sessionId: tourId,
        segmentId,
        index: 0,
        source: 'gps',
        points: [0, 10, 20].map((s, i) => ({ lon: -99.06 + i * 0.0002, lat: 19.35, acc: 5, t: at(s) })),
      },
    });
    // A point the browser delivered but that is not yet sealed into a chunk counts too.
    await db.trackBuffer.add({
      sessionId: tourId,
      processId,
      segmentId,
      source: 'gps',
      lon: -99.0594,
      lat: 19.35,
      acc: 5,
      t: at(30),
    });
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: {
        processId,
        sessionId: tourId,
        theme: 'environment',
        description: 'Tiradero clandestino junto al canal',
        severity: 'high',
        location: { lon: -99.0598, lat: 19.3501 },
        accuracy: 6,
        locationSource: 'gps',
        takenAt: at(15),
      },
    });
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: {
        processId,
        sessionId: tourId,
        theme: 'safety',
        description: 'Calle sin alumbrado',
        severity: 'medium',
        location: null,
        locationSource: 'none',
        takenAt: at(25),
      },
    });

    // Every write shows on its own (points first, then each note): wait for the last one too.
    await waitFor(() => {
      expect(facts).toHaveTextContent(/Puntos de trayecto\s*4/);
      expect(facts).toHaveTextContent(/Notas de recorrido\s*2/);
    });
    expect(within(section).getByText('1 nota no tiene ubicación y no aparece en el GeoJSON.')).toBeVisible();
  });

  it('downloads the notes and tracks as GeoJSON and the tracks as GPX, named after the process', async () => {
    const processId = await createProcess({
      name: 'Colonia Santa Cruz Meyehualco',
      unitKeys: ['07-001'],
      stage: 'self_diagnosis',
    });
    const tourId = await createSession(
      session(processId, 'territorial_tour', 'Recorrido <canal> & "mercado"'),
    );
    for (const [index, seconds] of [
      [0, [0, 10]],
      [1, [20, 30]],
    ] as const) {
      await writeLocal(db, 'trackChunk', newId(), {
        op: 'put',
        fields: {
          processId,
          sessionId: tourId,
          segmentId:
            index === 0 ? '5b0c8d7e-1f2a-4b3c-8d4e-5f6a7b8c9d0e' : '6c1d9e8f-2a3b-4c4d-9e5f-6a7b8c9d0e1f',
          index: 0,
          source: 'gps',
          points: seconds.map((s) => ({ lon: -99.0612345678, lat: 19.3498765432, acc: 4, t: at(s) })),
        },
      });
    }
    await writeLocal(db, 'tourNote', newId(), {
      op: 'put',
      fields: {
        processId,
        sessionId: tourId,
        theme: 'water',
        description: 'Fuga de agua en la esquina',
        severity: 'low',
        location: { lon: -99.0601, lat: 19.3502 },
        takenAt: at(12),
      },
    });

    render(<ProcessTourExports processId={processId} />);
    const user = userEvent.setup();
    const section = await screen.findByRole('region', { name: 'Recorridos' });
    await user.click(
      await within(section).findByRole('button', { name: 'Descargar notas y recorridos (GeoJSON)' }),
    );

    const base = `recorridos-colonia-santa-cruz-meyehualco-${today()}`;
    // The status line is there from the start ("Preparando el archivo…" first): wait for its text.
    const status = within(section).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(`Se descargó ${base}.geojson.`));
    expect(names).toEqual([`${base}.geojson`]);
    expect(saved[0]!.type).toBe('application/geo+json');
    const geojson = check(await readText(saved[0]!));
    expect(geojson).toMatchObject({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: tourId,
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [
                [-99.061235, 19.349877],
                [-99.061235, 19.349877],
              ],
              [
                [-99.061235, 19.349877],
                [-99.061235, 19.349877],
              ],
            ],
          },
          properties: { kind: 'track', title: 'Recorrido <canal> & "mercado"', segments: 2, points: 4 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-99.0601, 19.3502] },
          properties: { kind: 'tourNote', theme: 'water', description: 'Fuga de agua en la esquina' },
        },
      ],
    });

    await user.click(within(section).getByRole('button', { name: 'Descargar recorridos (GPX)' }));
    await waitFor(() => expect(names).toEqual([`${base}.geojson`, `${base}.gpx`]));
    expect(saved[1]!.type).toBe('application/gpx+xml');
    const doc = new DOMParser().parseFromString(await readText(saved[1]!), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(doc.querySelector('metadata > name')?.textContent).toBe('Colonia Santa Cruz Meyehualco');
    expect(doc.querySelector('trk > name')?.textContent).toBe('Recorrido <canal> & "mercado"');
    expect(doc.getElementsByTagName('trkseg')).toHaveLength(2);
    expect([...doc.getElementsByTagName('time')].map((t) => t.textContent)).toEqual([
      at(0),
      at(10),
      at(20),
      at(30),
    ]);
  });
});
