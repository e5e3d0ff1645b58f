/** /map-packs over the real data layer: the list, what is on this device, removing, retiring and the upload form. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { MapPacksPage } from '../../../src/client/features/map-packs/map-packs-page';
import { newId, type MapPack } from '../../../src/domain';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('map-packs-page', (opened) => (db = opened));

const SHA = 'cd'.repeat(32);

async function seedPack(overrides: Partial<MapPack> = {}): Promise<string> {
  const id = newId();
  await writeLocal(db, 'mapPack', id, {
    op: 'put',
    fields: {
      name: 'Iztapalapa calles',
      sha256: SHA,
      size: 12_582_912,
      bounds: [-99.14, 19.27, -98.94, 19.42],
      minZoom: 10,
      maxZoom: 15,
      uploadedAt: '2026-02-03T12:00:00.000Z',
      active: true,
      ...overrides,
    },
  });
  await db.outbox.clear();
  return id;
}

async function becomeCoordinator() {
  const account = (await db.getMeta('account'))!;
  await db.setMeta('account', {
    ...account,
    user: { ...account.user, role: 'coordinator', scope: { kind: 'borough' } },
  });
}

function renderPage() {
  render(
    <MemoryRouter>
      <MapPacksPage />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('map packs page', () => {
  it('shows a facilitator the packs with size and zooms, without upload or retire', async () => {
    await seedPack();
    await seedPack({ name: 'Mapa viejo', sha256: 'ef'.repeat(32), active: false });
    renderPage();
    const item = (await screen.findByRole('heading', { name: 'Iztapalapa calles' })).closest('li')!;
    expect(item).toHaveTextContent('Tamaño: 12.0 MB');
    expect(item).toHaveTextContent('Acercamiento: 10 a 15');
    expect(item).toHaveTextContent('No está en este dispositivo');
    expect(within(item).getByRole('button', { name: 'Descargar para usar sin conexión' })).toBeEnabled();
    // A retired pack this device does not hold is not offered.
    expect(screen.queryByRole('heading', { name: 'Mapa viejo' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retirar' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Cargar un mapa sin conexión' })).not.toBeInTheDocument();
  });

  it('removes a downloaded pack from the device after confirming', async () => {
    await seedPack();
    await db.mapPackFiles.put({
      sha256: SHA,
      bytes: new Blob(['pmtiles bytes']),
      size: 13,
      downloadedAt: '2026-02-04T12:00:00.000Z',
    });
    const user = renderPage();
    const item = (await screen.findByRole('heading', { name: 'Iztapalapa calles' })).closest('li')!;
    expect(item).toHaveTextContent('Descargado en este dispositivo');
    expect(item).toHaveTextContent('En uso en los mapas de este dispositivo');
    await user.click(within(item).getByRole('button', { name: 'Quitar de este dispositivo' }));
    const dialog = screen.getByRole('dialog', { name: '¿Quitar «Iztapalapa calles» de este dispositivo?' });
    await user.click(within(dialog).getByRole('button', { name: 'Quitar' }));
    expect(await screen.findByText('«Iztapalapa calles» se quitó de este dispositivo.')).toBeInTheDocument();
    expect(await db.mapPackFiles.count()).toBe(0);
    expect(
      await within(item).findByRole('button', { name: 'Descargar para usar sin conexión' }),
    ).toBeEnabled();
  });

  it('lets a coordinator retire a pack (an edit that syncs) and checks the upload form in Spanish', async () => {
    await becomeCoordinator();
    const id = await seedPack();
    const user = renderPage();
    const item = (await screen.findByRole('heading', { name: 'Iztapalapa calles' })).closest('li')!;
    await user.click(within(item).getByRole('button', { name: 'Retirar' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Retirar' }));
    expect(
      await screen.findByText('«Iztapalapa calles» fue retirado; el cambio se sincroniza.'),
    ).toBeInTheDocument();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ entity: 'mapPack', recordId: id, fields: { active: false } });

    const upload = screen.getByRole('heading', { name: 'Cargar un mapa sin conexión' }).closest('section')!;
    await user.type(within(upload).getByLabelText(/Nombre del mapa/), 'x');
    await user.click(within(upload).getByRole('button', { name: 'Cargar mapa' }));
    expect(await within(upload).findByText('Elige un archivo .pmtiles.')).toBeInTheDocument();
    expect(within(upload).getByLabelText(/Nombre del mapa/)).toHaveAccessibleDescription(
      /Escribe un nombre de al menos 2 caracteres./,
    );
  });
});
