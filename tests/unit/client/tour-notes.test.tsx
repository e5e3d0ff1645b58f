/** Tour notes over the real data layer (Dexie on fake-indexeddb), as a promoter takes them on a tour. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { storePhoto } from '../../../src/client/data/use-blobs';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession } from '../../../src/client/data/use-sessions';
import { createTourNote } from '../../../src/client/data/use-tour-notes';
import type { TequioDb } from '../../../src/client/data/db';
import { TourNoteFormPage } from '../../../src/client/features/tour-notes/tour-note-form-page';
import { TourNotesList } from '../../../src/client/features/tour-notes/tour-notes-list';
import { aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('tour-notes-ui', (opened) => (db = opened));

type Answer = { coords: { latitude: number; longitude: number; accuracy: number } } | { code: number };
const asks: PositionOptions[] = [];

/** The browser's geolocation, answering every request with `answer`. */
function fakeGeolocation(answer: Answer) {
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback, options: PositionOptions) {
        asks.push(options);
        setTimeout(() => {
          if ('coords' in answer) ok(answer as unknown as GeolocationPosition);
          else fail({ ...answer, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as never);
        }, 0);
      },
    },
  });
}

beforeEach(() => {
  asks.length = 0;
  // jsdom has no object URLs; the photos only need distinct strings.
  let n = 0;
  URL.createObjectURL = vi.fn(() => `blob:photo-${++n}`);
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

/** The list as the tour page mounts it, with the session id from the route. */
function TourRoute() {
  return <TourNotesList sessionId={useParams().id ?? ''} />;
}

function renderAt(path: string, onDirtyChange?: (dirty: boolean) => void) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/sessions/:id/tour" element={<TourRoute />} />
        <Route
          path="/sessions/:sessionId/notes/new"
          element={<TourNoteFormPage onDirtyChange={onDirtyChange} />}
        />
        <Route path="/notes/:id" element={<TourNoteFormPage onDirtyChange={onDirtyChange} />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

async function aTour() {
  const processId = await createProcess({
    name: 'Colonia Santa Cruz Meyehualco',
    unitKeys: ['07-001'],
    stage: 'tour',
  });
  const sessionId = await createSession(
    aSession(processId, { type: 'territorial_tour', title: 'Recorrido por el canal' }),
  );
  return { processId, sessionId };
}

/** Hashing and storing take longer on a loaded machine than Testing Library's default second. */
const slow = { timeout: 10_000 };
const photo = (text: string) => new File([text], `${text}.jpg`, { type: 'image/jpeg' });
/**
 * Waits for the photo itself: a placeholder with the same name stands in (and is then replaced)
 * until its bytes are read back from the device.
 */
const photoShown = (name: string) =>
  waitFor(
    () => expect(screen.getByRole('img', { name })).toHaveAttribute('src', expect.stringMatching(/^blob:/)),
    slow,
  );

describe('tour notes', () => {
  it(
    'takes a note with its position, area, severity and a photo, and lists it on the tour',
    { timeout: 30_000 },
    async () => {
      fakeGeolocation({ coords: { latitude: 19.35, longitude: -99.05, accuracy: 12.4 } });
      const { processId, sessionId } = await aTour();
      const dirty: boolean[] = [];
      const user = renderAt(`/sessions/${sessionId}/notes/new`, (d) => dirty.push(d));

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Nueva nota del recorrido' }, slow),
      ).toBeVisible();
      expect(await screen.findByText('Ubicación: ±12 m', {}, slow)).toHaveAttribute('role', 'status');
      expect(asks).toEqual([expect.objectContaining({ enableHighAccuracy: true, timeout: 10_000 })]);

      const areas = screen.getByRole('group', { name: /Área temática/ });
      expect(within(areas).getAllByRole('radio')).toHaveLength(12);
      await user.click(within(areas).getByRole('radio', { name: 'Agua' }));
      await user.type(screen.getByLabelText(/Descripción breve/), 'Fuga de agua frente a la escuela');
      await user.click(screen.getByRole('radio', { name: 'Alta' }));
      expect(dirty.at(-1)).toBe(true);

      const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
      expect(input).toHaveAttribute('accept', 'image/*');
      expect(input).toHaveAttribute('capture', 'environment');
      expect(input).toHaveAttribute('multiple');
      await user.upload(input, photo('fuga'));
      await photoShown('Foto 1 de la nota');
      await user.click(screen.getByRole('button', { name: 'Guardar nota' }));

      expect(await screen.findByRole('heading', { name: 'Notas del recorrido' }, slow)).toBeVisible();
      expect(screen.getByText('Nota guardada en el dispositivo.')).toHaveAttribute('role', 'status');
      const link = await screen.findByRole('link', { name: /Fuga de agua frente a la escuela/ }, slow);
      expect(link).toHaveTextContent('Agua');
      expect(link).toHaveTextContent('Gravedad: alta');
      expect(link).toHaveTextContent('1 foto');
      expect(link).toHaveTextContent('19.35000, -99.05000 (±12 m)');
      expect(dirty.at(-1)).toBe(false);

      const [stored] = await db.tourNotes.toArray();
      const [blob] = await db.blobs.toArray();
      expect(link).toHaveAttribute('href', `/notes/${stored!.id}`);
      expect(stored!.fields).toMatchObject({
        processId,
        sessionId,
        theme: 'water',
        severity: 'high',
        description: 'Fuga de agua frente a la escuela',
        location: { lat: 19.35, lon: -99.05 },
        accuracy: 12,
        locationSource: 'gps',
        photos: [{ sha256: blob!.sha256, mime: 'image/jpeg' }],
      });
      // The photo waits on the device for the next sync.
      expect(blob!.status).toBe('pending');
    },
  );

  it(
    'says why there is no position, refuses an incomplete note in Spanish, and saves without a position',
    { timeout: 30_000 },
    async () => {
      fakeGeolocation({ code: 1 });
      const { sessionId } = await aTour();
      const user = renderAt(`/sessions/${sessionId}/notes/new`);

      expect(
        await screen.findByText(/No hay permiso para usar la ubicación del dispositivo/, {}, slow),
      ).toBeVisible();
      await user.click(screen.getByRole('button', { name: 'Guardar nota' }));
      expect(
        await screen.findByText('No se guardó: revisa los campos marcados en rojo.', {}, slow),
      ).toBeVisible();
      const areas = screen.getByRole('group', { name: /Área temática/ });
      expect(areas).toHaveAccessibleDescription('Elige una opción de la lista.');
      await waitFor(() => expect(within(areas).getAllByRole('radio')[0]).toHaveFocus());
      expect(await db.tourNotes.count()).toBe(0);

      await user.click(within(areas).getByRole('radio', { name: 'Espacio público' }));
      await user.type(screen.getByLabelText(/Descripción breve/), 'Luminaria apagada');
      await user.click(screen.getByRole('radio', { name: 'Media' }));
      await user.click(screen.getByRole('button', { name: 'Guardar nota' }));

      const link = await screen.findByRole('link', { name: /Luminaria apagada/ }, slow);
      expect(link).toHaveTextContent('sin ubicación');
      expect(link).toHaveTextContent('0 fotos');
      const [stored] = await db.tourNotes.toArray();
      expect(stored!.fields).toMatchObject({ locationSource: 'none', location: null, photos: [] });
    },
  );

  it(
    'opens a note with its photo, writes only what changed, and deletes it after confirming',
    { timeout: 30_000 },
    async () => {
      const { sessionId } = await aTour();
      const ref = await storePhoto(photo('canal'));
      const id = await createTourNote(sessionId, {
        theme: 'environment',
        description: 'Tiradero clandestino junto al canal',
        severity: 'high',
        location: { lon: -99.06, lat: 19.34 },
        locationSource: 'map',
        photos: [ref],
      });
      const user = renderAt(`/notes/${id}`);

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Nota del recorrido' }, slow),
      ).toBeVisible();
      await photoShown('Foto 1 de la nota');
      expect(screen.getByText('Ubicación elegida en el mapa: 19.34000, -99.06000')).toBeVisible();
      expect(screen.getByRole('radio', { name: 'Medio ambiente' })).toBeChecked();
      const before = (await db.outbox.orderBy('id').last())!.id;
      await user.click(screen.getByRole('radio', { name: 'Media' }));
      await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));
      expect(
        await screen.findByText('Cambios de la nota guardados en este dispositivo.', {}, slow),
      ).toBeVisible();
      const edits = (await db.outbox.orderBy('id').toArray()).filter((m) => m.id > before);
      expect(edits).toHaveLength(1);
      expect(edits[0]).toMatchObject({ op: 'put', fields: { severity: 'medium' } });
      expect(Object.keys((edits[0] as { fields: object }).fields)).toEqual(['severity']);

      await user.click(await screen.findByRole('link', { name: /Tiradero clandestino/ }, slow));
      await user.click(await screen.findByRole('button', { name: 'Eliminar nota' }, slow));
      const dialog = screen.getByRole('dialog', { name: '¿Eliminar esta nota?' });
      await user.click(within(dialog).getByRole('button', { name: 'Sí, eliminar' }));
      expect(await screen.findByText('Nota eliminada.', {}, slow)).toBeVisible();
      expect(await screen.findByText('Aún no hay notas en este recorrido.', {}, slow)).toBeVisible();
      expect((await db.tourNotes.get(id))?.deleted).toBe(true);
    },
  );
});
