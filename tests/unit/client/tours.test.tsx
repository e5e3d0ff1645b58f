/** The tour screen over the real data layer, with a stand-in for the tablet's GPS. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession } from '../../../src/client/data/use-sessions';
import type { TequioDb } from '../../../src/client/data/db';
import { stateKey, type RecorderState } from '../../../src/client/data/tracks.repository';
import { TourPage } from '../../../src/client/features/tours/tour-page';
import { SessionTourLink } from '../../../src/client/features/tours/session-tour-link';
import { newId } from '../../../src/domain';
import { aProcess, aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

class FakeGeolocation {
  private watchers = new Map<number, { ok: PositionCallback; fail?: PositionErrorCallback | null }>();
  private next = 1;
  watchPosition(ok: PositionCallback, fail?: PositionErrorCallback | null): number {
    const id = this.next++;
    this.watchers.set(id, { ok, fail });
    return id;
  }
  clearWatch(id: number): void {
    this.watchers.delete(id);
  }
  getCurrentPosition(): void {}
  move(lat: number, accuracy: number, time: number): void {
    const position = { coords: { longitude: -99.06, latitude: lat, accuracy }, timestamp: time };
    for (const w of this.watchers.values()) w.ok(position as GeolocationPosition);
  }
  fail(code: number): void {
    for (const w of this.watchers.values()) w.fail?.({ code, message: 'x' } as GeolocationPositionError);
  }
}

let db: TequioDb;
let geo: FakeGeolocation;
onFreshSignedInDevice('tours-ui', (opened) => (db = opened));
beforeEach(() => {
  geo = new FakeGeolocation();
  Object.defineProperty(navigator, 'geolocation', { value: geo, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'geolocation');
});

async function aTour(): Promise<{ processId: string; sessionId: string }> {
  const processId = await createProcess(aProcess({ name: 'Proceso Aculco' }));
  const sessionId = await createSession(
    aSession(processId, { type: 'territorial_tour', title: 'Recorrido por Aculco' }),
  );
  return { processId, sessionId };
}

function renderTour(sessionId: string) {
  render(
    <MemoryRouter initialEntries={[`/sessions/${sessionId}/tour`]}>
      <Routes>
        <Route path="/sessions/:id/tour" element={<TourPage />} />
        <Route path="/sessions/:sessionId/notes/new" element={<p>Formulario de nota</p>} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

const T0 = Date.UTC(2026, 10, 20, 16, 0, 0);

describe('tour page', () => {
  it('starts, records points with their accuracy, pauses, resumes and finishes', async () => {
    const { sessionId } = await aTour();
    const user = renderTour(sessionId);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Recorrido: Recorrido por Aculco' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Volver a Proceso Aculco' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Iniciar recorrido' }));
    const status = screen.getByTestId('tour-status');
    await waitFor(() => expect(status).toHaveTextContent('Grabando el recorrido.'));
    expect(status).toHaveTextContent('Esperando la señal GPS');

    geo.move(19.35, 8, T0);
    geo.move(19.351, 8, T0 + 60_000);
    await waitFor(() => expect(status).toHaveTextContent('2 puntos registrados'));
    expect(status).toHaveTextContent('Precisión: ±8 m');
    expect(screen.getByTestId('tour-distance')).toHaveTextContent('111 m');
    expect(screen.getByTestId('tour-duration')).toHaveTextContent('1 min 00 s');

    geo.move(19.36, 250, T0 + 70_000);
    await waitFor(() => expect(status).toHaveTextContent('Señal débil (±250 m)'));
    expect(status).toHaveTextContent('2 puntos registrados');

    await user.click(screen.getByRole('button', { name: 'Pausar' }));
    await waitFor(() => expect(status).toHaveTextContent('Recorrido en pausa.'));
    expect(await db.trackChunks.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Reanudar' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pausar' })).toBeInTheDocument());
    geo.move(19.37, 5, T0 + 600_000);
    geo.move(19.38, 5, T0 + 1_200_000);
    await waitFor(() => expect(status).toHaveTextContent('4 puntos registrados'));
    // 0.001° + 0.01° of latitude, not the jump across the pause.
    expect(screen.getByTestId('tour-distance')).toHaveTextContent('1.22 km');
    await user.click(screen.getByRole('button', { name: 'Terminar' }));
    await waitFor(() => expect(status).toHaveTextContent('Recorrido terminado.'));
    expect(await db.trackChunks.count()).toBe(2);
    expect(await db.trackBuffer.count()).toBe(0);
    expect(screen.getByRole('button', { name: 'Iniciar recorrido' })).toBeInTheDocument();
  });

  it('continues a recording the page lost on reload and lists the interruption', async () => {
    const { processId, sessionId } = await aTour();
    const segmentId = newId();
    const last = new Date(Date.now() - 9 * 60_000).toISOString();
    const state: RecorderState = {
      sessionId,
      processId,
      status: 'recording',
      segmentId,
      nextIndex: 0,
      lastPointAt: last,
      startedAt: last,
      pendingInterruptions: [],
    };
    await db.meta.put({ key: stateKey(sessionId), value: state });
    await db.trackBuffer.add({
      sessionId,
      processId,
      segmentId,
      source: 'gps',
      lon: -99.06,
      lat: 19.35,
      acc: 6,
      t: last,
    });

    renderTour(sessionId);
    const status = await screen.findByTestId('tour-status');
    await waitFor(() =>
      expect(status).toHaveTextContent('El seguimiento se había interrumpido; el recorrido continúa.'),
    );
    expect(status).toHaveTextContent('Grabando el recorrido.');
    expect(status).toHaveTextContent('1 punto registrado');
    // The interruptions come from the device's track, read apart from the recorder's status.
    const gaps = (await screen.findByRole('heading', { name: 'Interrupciones' })).parentElement!;
    expect(within(gaps).getByRole('listitem')).toHaveTextContent(
      // An interruption that crosses midnight also names the day it ended.
      /^Seguimiento interrumpido de \d\d:\d\d a (\d\d\/\d\d\/\d\d, )?\d\d:\d\d$/,
    );
    // The leftover point was sealed; the next points go on in the same segment.
    expect(await db.trackBuffer.count()).toBe(0);
    geo.move(19.351, 6, Date.now());
    await waitFor(() => expect(status).toHaveTextContent('2 puntos registrados'));
    const [buffered] = await db.trackBuffer.toArray();
    expect(buffered?.segmentId).toBe(segmentId);
  });

  it('explains a refused permission and offers to draw the route by hand', async () => {
    const { sessionId } = await aTour();
    const user = renderTour(sessionId);
    await user.click(await screen.findByRole('button', { name: 'Iniciar recorrido' }));
    await waitFor(() => expect(screen.getByTestId('tour-status')).toHaveTextContent('Grabando'));
    geo.fail(1);
    expect(await screen.findByRole('alert')).toHaveTextContent('No hay permiso para usar la ubicación');
    await user.click(screen.getByRole('button', { name: 'Dibujar la ruta a mano' }));
    expect(
      screen.getByText('Toca el mapa para agregar cada punto de la ruta, en orden.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Guardar ruta dibujada' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Deshacer punto' })).toBeDisabled();
  });

  it('opens a new note from the tour in one tap', async () => {
    const { sessionId } = await aTour();
    const user = renderTour(sessionId);
    await user.click(await screen.findByRole('link', { name: 'Nueva nota' }));
    expect(await screen.findByText('Formulario de nota')).toBeInTheDocument();
  });
});

describe('session tour link', () => {
  it('shows only for territorial tours, with what was walked', async () => {
    const { processId, sessionId } = await aTour();
    const assembly = await createSession(aSession(processId));
    const { unmount } = render(
      <MemoryRouter>
        <SessionTourLink sessionId={assembly} sessionType="community_assembly" />
      </MemoryRouter>,
    );
    expect(screen.queryByRole('link', { name: 'Abrir recorrido' })).toBeNull();
    unmount();

    render(
      <MemoryRouter>
        <SessionTourLink sessionId={sessionId} sessionType="territorial_tour" />
      </MemoryRouter>,
    );
    expect(await screen.findByRole('link', { name: 'Abrir recorrido' })).toHaveAttribute(
      'href',
      `/sessions/${sessionId}/tour`,
    );
    expect(await screen.findByText('El recorrido aún no comienza.')).toBeInTheDocument();
  });
});
