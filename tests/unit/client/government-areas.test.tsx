/** The coordinators' list of government areas over the real data layer (Dexie on fake-indexeddb). */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { createGovernmentArea } from '../../../src/client/data/use-government-areas';
import { GovernmentAreasPage } from '../../../src/client/features/government-areas/government-areas-page';
import type { Role } from '../../../src/domain';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('government-areas-ui', (opened) => (db = opened));

async function signIn(role: Role) {
  await db.setMeta('account', {
    token: 'token',
    user: { id: 'user-1', username: 'coord', displayName: 'Coordinación', role, scope: { kind: 'borough' } },
  });
}

function renderPage() {
  render(
    <MemoryRouter>
      <GovernmentAreasPage />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('government areas', () => {
  it('is only for coordinators and administrators', async () => {
    await signIn('facilitator');
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Solo coordinación y administración pueden mantener la lista de áreas de gobierno.',
    );
  });

  it('adds an area (refusing short names in Spanish), renames it, deactivates and reactivates it', async () => {
    await signIn('coordinator');
    await createGovernmentArea({ name: 'Dirección de Cultura', shortName: 'Cultura' });
    const user = renderPage();

    const add = await screen.findByRole('region', { name: 'Agregar un área de gobierno' });
    await user.type(within(add).getByLabelText(/Nombre completo/), 'Ob');
    await user.click(within(add).getByRole('button', { name: 'Agregar área' }));
    expect(within(add).getByLabelText(/Nombre completo/)).toHaveAccessibleDescription(
      'Escribe al menos 3 caracteres.',
    );
    expect(within(add).getByLabelText(/Nombre corto/)).toHaveAccessibleDescription(
      /Este dato es obligatorio\./,
    );
    await user.type(within(add).getByLabelText(/Nombre completo/), 'ras Públicas');
    await user.type(within(add).getByLabelText(/Nombre corto/), 'Obras');
    await user.click(within(add).getByRole('button', { name: 'Agregar área' }));
    expect(
      await within(add).findByText('Área «Obras Públicas» agregada en este dispositivo.'),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: '2 áreas' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cambiar nombre de Obras Públicas' }));
    const name = screen.getByDisplayValue('Obras Públicas');
    await user.clear(name);
    await user.type(name, 'Dirección General de Obras');
    await user.click(screen.getByRole('button', { name: 'Guardar nombre' }));
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Dirección General de Obras' }),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Desactivar Dirección General de Obras' }));
    expect(
      await screen.findByText('Obras · Inactiva: no se ofrece para proyectos nuevos'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reactivar Dirección General de Obras' }));
    expect(await screen.findByText('Obras · Activa')).toBeInTheDocument();
    const stored = (await db.governmentAreas.toArray()).find((a) => a.fields.shortName === 'Obras');
    expect(stored?.fields).toEqual({ name: 'Dirección General de Obras', shortName: 'Obras', active: true });
  });
});
