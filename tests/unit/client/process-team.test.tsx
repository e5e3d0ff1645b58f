/** Team assignment on the process page: online from the account list, a clear message offline, names kept for later. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { createProcess } from '../../../src/client/data/use-processes';
import { TequioDb } from '../../../src/client/data/db';
import { ProcessPage } from '../../../src/client/features/processes/process-page';
import type { Process } from '../../../src/domain';

let db: TequioDb;

beforeEach(async () => {
  db = new TequioDb(`team-test-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
  await db.setMeta('account', {
    token: 'token',
    user: {
      id: 'coord-1',
      username: 'laura',
      displayName: 'Laura',
      role: 'coordinator',
      scope: { kind: 'borough' },
    },
  });
});

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  db.close();
  await Dexie.delete(db.name);
});

async function renderProcess() {
  const id = await createProcess({
    name: 'Colonia Lomas de Zaragoza',
    unitKeys: ['07-030'],
    stage: 'convening',
  });
  render(
    <MemoryRouter initialEntries={[`/processes/${id}`]}>
      <Routes>
        <Route path="/processes/:id" element={<ProcessPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return { id, user: userEvent.setup() };
}

describe('process team', () => {
  it('offline, says the team needs the network', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const { user } = await renderProcess();
    await user.click(await screen.findByRole('button', { name: 'Asignar equipo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('se necesita conexión a internet');
  });

  it('online, assigns people from the account list and keeps their names for offline use', async () => {
    const users = [
      { id: 'fac-1', username: 'rosa', displayName: 'Rosa Martínez', role: 'facilitator' },
      { id: 'pro-1', username: 'juan', displayName: 'Juan Pérez', role: 'promoter' },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn().mockResolvedValue(new Response(JSON.stringify({ users }), { status: 200 })),
    );
    const { id, user } = await renderProcess();
    await user.click(await screen.findByRole('button', { name: 'Asignar equipo' }));
    const group = await screen.findByRole('group', { name: 'Personas del equipo' });
    await user.click(within(group).getByRole('checkbox', { name: /Rosa Martínez/ }));
    await user.click(within(group).getByRole('checkbox', { name: /Juan Pérez/ }));
    await user.click(screen.getByRole('button', { name: 'Guardar equipo' }));
    await waitFor(async () =>
      expect(((await db.processes.get(id))?.fields as Process).teamUserIds).toEqual(['fac-1', 'pro-1']),
    );
    const team = screen.getByRole('region', { name: 'Equipo' });
    await waitFor(() => expect(team).toHaveTextContent('Rosa Martínez'));
    expect(team).toHaveTextContent('Juan Pérez');
    expect((await db.meta.get('userNames'))?.value).toMatchObject({ 'fac-1': 'Rosa Martínez' });
  });
});
