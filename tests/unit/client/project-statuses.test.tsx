/** The coordinators' project statuses over the real data layer (Dexie on fake-indexeddb). */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { ProjectStatusesPage } from '../../../src/client/features/project-statuses/project-statuses-page';
import { DEFAULT_PROJECT_STATUSES, type Role } from '../../../src/domain';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('project-statuses-ui', (opened) => (db = opened));

async function signIn(role: Role) {
  await db.setMeta('account', {
    token: 'token',
    user: { id: 'user-1', username: 'coord', displayName: 'Coordinación', role, scope: { kind: 'borough' } },
  });
  await db.projectStatuses.bulkPut(
    DEFAULT_PROJECT_STATUSES.map(({ id, ...fields }) => ({ id, fields, hlcs: {}, deleted: false as const })),
  );
}

function renderPage() {
  render(
    <MemoryRouter>
      <ProjectStatusesPage />
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('project statuses', () => {
  it('is not for facilitators', async () => {
    await signIn('facilitator');
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Solo coordinación y administración pueden configurar los estados de proyecto.',
    );
  });

  it('adds a status (refusing a progress over 100), edits its default progress, moves it up and retires it', async () => {
    await signIn('coordinator');
    const user = renderPage();
    expect(await screen.findByRole('heading', { level: 2, name: '6 estados' })).toBeInTheDocument();
    const add = screen.getByRole('region', { name: 'Agregar un estado' });
    await user.type(within(add).getByLabelText(/Nombre/), 'En licitación');
    await user.selectOptions(within(add).getByLabelText(/Significado/), 'En gestión');
    await user.type(within(add).getByLabelText(/Avance al entrar/), '120');
    await user.click(within(add).getByRole('button', { name: 'Agregar estado' }));
    expect(within(add).getByLabelText(/Avance al entrar/)).toHaveAccessibleDescription(
      /Escribe un número de 0 a 100/,
    );
    await user.clear(within(add).getByLabelText(/Avance al entrar/));
    await user.type(within(add).getByLabelText(/Avance al entrar/), '20');
    await user.click(within(add).getByRole('button', { name: 'Agregar estado' }));
    expect(await screen.findByRole('heading', { level: 3, name: '7. En licitación' })).toBeInTheDocument();
    expect(screen.getByText(/En gestión · avance 20 %/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Subir En licitación' }));
    expect(await screen.findByRole('heading', { level: 3, name: '6. En licitación' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: '7. En pausa' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Editar En licitación' }));
    const progress = screen.getByDisplayValue('20');
    await user.clear(progress);
    await user.type(progress, '25');
    await user.click(screen.getByRole('button', { name: 'Guardar estado' }));
    expect(await screen.findByText(/En gestión · avance 25 %/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Desactivar En licitación' }));
    expect(await screen.findByText(/avance 25 % · Inactivo: no se ofrece/)).toBeInTheDocument();
    const stored = (await db.projectStatuses.toArray()).find((s) => s.fields.name === 'En licitación');
    expect(stored?.fields).toEqual({
      name: 'En licitación',
      meaning: 'in_management',
      defaultProgress: 25,
      requiresReason: false,
      order: 6,
      active: false,
    });
    // The edit travelled as changed fields only.
    const edits = (await db.outbox.toArray()).filter((m) => m.recordId === stored?.id);
    expect(edits.map((m) => Object.keys(m.fields ?? {}).sort())).toContainEqual(['defaultProgress']);
  });
});
