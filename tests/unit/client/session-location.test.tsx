/** The session's optional map point: from the device's position, or typed, with a clear message when refused. */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { createProcess } from '../../../src/client/data/use-processes';
import type { TequioDb } from '../../../src/client/data/db';
import { onFreshSignedInDevice } from './signed-in-device';
import { NewSessionPage } from '../../../src/client/features/sessions/new-session-page';
import type { Session } from '../../../src/domain';

let db: TequioDb;
onFreshSignedInDevice('location-test', (opened) => (db = opened));

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubGeolocation(answer: { coords: { latitude: number; longitude: number } } | { code: number }) {
  const getCurrentPosition = (ok: PositionCallback, fail: PositionErrorCallback) => {
    if ('coords' in answer) ok(answer as unknown as GeolocationPosition);
    else
      fail({
        code: answer.code,
        PERMISSION_DENIED: 1,
        POSITION_UNAVAILABLE: 2,
        TIMEOUT: 3,
      } as GeolocationPositionError);
  };
  vi.stubGlobal(
    'navigator',
    Object.assign(Object.create(navigator) as Navigator, { geolocation: { getCurrentPosition } }),
  );
}

async function renderNewSession() {
  const processId = await createProcess({
    name: 'Colonia Ejército de Oriente',
    unitKeys: ['07-020'],
    stage: 'convening',
  });
  render(
    <MemoryRouter initialEntries={[`/processes/${processId}/sessions/new`]}>
      <Routes>
        <Route path="/processes/:processId/sessions/new" element={<NewSessionPage />} />
        <Route path="/processes/:id" element={<p>process page</p>} />
      </Routes>
    </MemoryRouter>,
  );
  const user = userEvent.setup();
  await user.selectOptions(await screen.findByLabelText(/Tipo de sesión/), 'Asamblea comunitaria');
  await user.type(screen.getByLabelText(/Título/), 'Asamblea en la plaza');
  await user.type(screen.getByLabelText(/Lugar/), 'Plaza cívica');
  return user;
}

const storedLocation = async () =>
  ((await db.sessions.toArray())[0]?.fields as Session | undefined)?.location;

describe('session map point', () => {
  it('takes the device position with "Usar mi ubicación"', async () => {
    stubGeolocation({ coords: { latitude: 19.3574, longitude: -99.0671 } });
    const user = await renderNewSession();
    await user.click(screen.getByRole('button', { name: 'Usar mi ubicación' }));
    expect(screen.getByLabelText('Latitud')).toHaveValue('19.357400');
    await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));
    await waitFor(async () => expect(await storedLocation()).toEqual({ lat: 19.3574, lon: -99.0671 }));
  });

  it('says so when the permission is refused, and accepts typed coordinates', async () => {
    stubGeolocation({ code: 1 });
    const user = await renderNewSession();
    await user.click(screen.getByRole('button', { name: 'Usar mi ubicación' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No hay permiso para usar la ubicación');
    await user.type(screen.getByLabelText('Latitud'), '19,36');
    await user.type(screen.getByLabelText('Longitud'), '-99.05');
    await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));
    await waitFor(async () => expect(await storedLocation()).toEqual({ lat: 19.36, lon: -99.05 }));
  });

  it('saves no point when none is given', async () => {
    const user = await renderNewSession();
    await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));
    await waitFor(async () => expect(await db.sessions.count()).toBe(1));
    expect(await storedLocation()).toBeNull();
  });
});
