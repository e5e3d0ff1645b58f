/** The screens over the real data layer (Dexie on fake-indexeddb): what a facilitator does, end to end on one device. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { createProcess } from '../../../src/client/data/use-processes';
import type { TequioDb } from '../../../src/client/data/db';
import { onFreshSignedInDevice } from './signed-in-device';
import { NewProcessPage } from '../../../src/client/features/processes/new-process-page';
import { ProcessPage } from '../../../src/client/features/processes/process-page';
import { ProcessesPage } from '../../../src/client/features/processes/processes-page';
import { EditSessionPage } from '../../../src/client/features/sessions/edit-session-page';
import { NewSessionPage } from '../../../src/client/features/sessions/new-session-page';

let db: TequioDb;
onFreshSignedInDevice('ui-test', (opened) => (db = opened));

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/" element={<ProcessesPage />} />
        <Route path="/processes/new" element={<NewProcessPage />} />
        <Route path="/processes/:id" element={<ProcessPage />} />
        <Route path="/processes/:processId/sessions/new" element={<NewSessionPage />} />
        <Route path="/sessions/:id" element={<EditSessionPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

async function lastOutboxEntry() {
  const entries = await db.outbox.orderBy('id').toArray();
  return entries.at(-1);
}

describe('processes', () => {
  it('creates a process with checked unit keys and opens it', async () => {
    const user = renderAt('/');
    expect(await screen.findByText('Todavía no hay procesos en este dispositivo.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Nuevo proceso' }));
    await user.type(await screen.findByLabelText(/Nombre del proceso/), 'Colonia Santa Cruz Meyehualco');
    const units = screen.getByLabelText(/Unidades territoriales/);
    await user.type(units, '07-001, 07-2,');
    expect(screen.getByRole('listitem')).toHaveTextContent('07-001');
    expect(units).toHaveAccessibleDescription(/Clave inválida: 07-2/);
    await user.clear(units);
    await user.type(units, '07-002{Enter}');
    await user.selectOptions(screen.getByLabelText(/Etapa/), '3. Recorrido territorial');
    await user.click(screen.getByRole('button', { name: 'Crear proceso' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Colonia Santa Cruz Meyehualco' }),
    ).toBeInTheDocument();
    expect(screen.getByText('07-001, 07-002')).toBeInTheDocument();
    expect(screen.getByText('Etapa 3 de 10')).toBeInTheDocument();
    const [process] = await db.processes.toArray();
    expect(process?.fields).toMatchObject({
      unitKeys: ['07-001', '07-002'],
      stage: 'tour',
      teamUserIds: ['user-1'],
    });
  });

  it('refuses a process without units, in Spanish', async () => {
    const user = renderAt('/processes/new');
    await user.type(await screen.findByLabelText(/Nombre del proceso/), 'Barrio San Lucas');
    await user.click(screen.getByRole('button', { name: 'Crear proceso' }));
    expect(await screen.findByText('Agrega al menos 1.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/Unidades territoriales/)).toHaveFocus());
    expect(await db.processes.count()).toBe(0);
  });

  it('lists processes as cards that open in one tap, with a session button on the next screen', async () => {
    await createProcess({ name: 'Pueblo de Culhuacán', unitKeys: ['07-100'], stage: 'self_diagnosis' });
    const user = renderAt('/');
    const card = await screen.findByRole('link', { name: /Pueblo de Culhuacán/ });
    expect(card).toHaveTextContent('Etapa 4 de 10');
    expect(card).toHaveTextContent('Autodiagnóstico');
    await waitFor(() => expect(card).toHaveTextContent('Sin sesiones'));
    await user.click(card);
    expect(await screen.findByRole('link', { name: 'Nueva sesión' })).toBeInTheDocument();
  });

  it('changes the stage of a process', async () => {
    const id = await createProcess({
      name: 'Unidad habitacional Vicente Guerrero',
      unitKeys: ['07-200'],
      stage: 'convening',
    });
    const user = renderAt(`/processes/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Registrar un cambio de etapa' }));
    await user.click(await screen.findByRole('button', { name: 'Avanzar a la etapa 2' }));
    await user.click(await screen.findByRole('button', { name: 'Sí, avanzar' }));
    expect(await screen.findByText('Etapa 2 de 10')).toBeInTheDocument();
    await waitFor(async () =>
      expect(await lastOutboxEntry()).toMatchObject({
        op: 'put',
        fields: { stage: 'collective', stageHistory: [{ stage: 'collective', sessionIds: [] }] },
      }),
    );
  });
});

describe('sessions', () => {
  it('records a session, edits only what changed, and deletes it after confirmation', async () => {
    const processId = await createProcess({
      name: 'Colonia Desarrollo Urbano',
      unitKeys: ['07-300'],
      stage: 'tour',
    });
    const user = renderAt(`/processes/${processId}/sessions/new`);

    expect(await screen.findByLabelText('Facilitador/a 1')).toHaveValue('Ana López');
    await user.selectOptions(screen.getByLabelText(/Tipo de sesión/), 'Recorrido territorial');
    await user.type(screen.getByLabelText(/Título/), 'Recorrido por el mercado');
    await user.clear(screen.getByLabelText(/Fecha/));
    await user.type(screen.getByLabelText(/Fecha/), '2026-11-20');
    await user.type(screen.getByLabelText(/Lugar/), 'Mercado de la colonia');
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Jóvenes' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Jóvenes' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Hombres, Personas adultas' }));
    await user.click(screen.getByRole('button', { name: 'Guardar sesión' }));

    const card = await screen.findByRole('link', { name: /Recorrido por el mercado/ });
    expect(card).toHaveTextContent('Recorrido territorial');
    expect(card).toHaveTextContent('Mercado de la colonia');
    expect(card).toHaveTextContent('Asistencia: 3 personas');
    expect(card).toHaveTextContent('vie, 20 de nov de 2026');
    const [stored] = await db.sessions.toArray();
    expect(stored?.fields).toMatchObject({
      processId,
      type: 'territorial_tour',
      facilitators: ['Ana López'],
    });

    await user.click(card);
    const title = await screen.findByLabelText(/Título/);
    await user.clear(title);
    await user.type(title, 'Recorrido por el mercado y el parque');
    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));
    expect(
      await screen.findByRole('link', { name: /Recorrido por el mercado y el parque/ }),
    ).toBeInTheDocument();
    const edit = await lastOutboxEntry();
    expect(edit?.op).toBe('put');
    expect(edit?.op === 'put' ? Object.keys(edit.fields) : []).toEqual(['title']);

    await user.click(screen.getByRole('link', { name: /Recorrido por el mercado y el parque/ }));
    await user.click(await screen.findByRole('button', { name: 'Eliminar sesión' }));
    const dialog = screen.getByRole('dialog', { name: '¿Eliminar esta sesión?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(await db.sessions.filter((r) => !r.deleted).count()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Eliminar sesión' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sí, eliminar' }));
    expect(await screen.findByText('Este proceso aún no tiene sesiones registradas.')).toBeInTheDocument();
    expect((await lastOutboxEntry())?.op).toBe('delete');
  });

  it('says so when a session is not on the device', async () => {
    renderAt('/sessions/01890a5d-ac96-774b-bcce-b302099a8057');
    expect(
      await screen.findByText('No encontramos esta sesión en el dispositivo. Tal vez se eliminó.'),
    ).toBeInTheDocument();
  });
});
