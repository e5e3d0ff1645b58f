/** Choosing a process's units by name on the device's own territory (fake-indexeddb): the combobox, by mouse and keyboard. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { onFreshSignedInDevice } from './signed-in-device';
import { NewProcessPage } from '../../../src/client/features/processes/new-process-page';
import { ProcessPage } from '../../../src/client/features/processes/process-page';
import { unitIdFromKey } from '../../../src/domain';

let db: TequioDb;
onFreshSignedInDevice('unit-picker', (opened) => (db = opened));

const square: [number, number][][] = [
  [
    [-99.06, 19.35],
    [-99.05, 19.35],
    [-99.05, 19.36],
    [-99.06, 19.35],
  ],
];

async function putUnit(key: string, name: string, population: number, directorateId?: string) {
  await db.units.put({
    id: unitIdFromKey(key),
    fields: {
      key,
      name,
      population,
      prioritised: false,
      geometry: { type: 'Polygon', coordinates: square },
      ...(directorateId ? { directorateId } : {}),
    },
    hlcs: {},
    deleted: false,
  });
}

const DIRECTORATE = '40000000-0000-4000-8000-000000000003';

async function seedTerritory() {
  await db.directorates.put({
    id: DIRECTORATE,
    fields: { name: 'Dirección Territorial 3', number: 3 },
    hlcs: {},
    deleted: false,
  });
  await putUnit('07-001', 'ACULCO (PBLO)', 5818, DIRECTORATE);
  await putUnit('07-100', 'SAN JOSE ACULCO', 8954);
  await putUnit('07-016', 'SAN MIGUEL TEOTONGO SECC AVISADERO', 9000);
}

function renderNewProcess() {
  render(
    <MemoryRouter initialEntries={['/processes/new']}>
      <Routes>
        <Route path="/processes/new" element={<NewProcessPage />} />
        <Route path="/processes/:id" element={<ProcessPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('unit picker', () => {
  it('finds "aculco" in any case, shows key, population and directorate, and picks with the keyboard', async () => {
    await seedTerritory();
    const user = renderNewProcess();
    const box = await screen.findByRole('combobox', { name: /Unidades territoriales/ });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).not.toHaveAttribute('inputmode');

    await user.type(box, 'aculco');
    const list = await screen.findByRole('listbox', { name: 'Unidades que coinciden' });
    const options = within(list).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'ACULCO (PBLO)07-001 · 5,818 habitantes · Dirección Territorial 3',
      'SAN JOSE ACULCO07-100 · 8,954 habitantes · Sin dirección territorial',
    ]);
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    expect(screen.getByText('2 unidades coinciden. Elige una de la lista.')).toBeInTheDocument();

    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-activedescendant', options[1]!.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    const chosen = screen.getByRole('list', { name: 'Unidades elegidas' });
    expect(chosen).toHaveTextContent('07-100 SAN JOSE ACULCO');
    expect(box).toHaveValue('');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveFocus();
  });

  it('ignores accents, picks several units by tap, and removes one with its button', async () => {
    await seedTerritory();
    const user = renderNewProcess();
    const box = await screen.findByRole('combobox', { name: /Unidades territoriales/ });
    await user.type(box, 'San José');
    await user.click(await screen.findByRole('option', { name: /SAN JOSE ACULCO/ }));
    await user.type(box, 'teotongo');
    await user.click(await screen.findByRole('option', { name: /SAN MIGUEL TEOTONGO/ }));
    // A chosen unit is not offered again.
    await user.type(box, 'aculco');
    const list = await screen.findByRole('listbox', { name: 'Unidades que coinciden' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringMatching(/^ACULCO \(PBLO\)/)]);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('aculco');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');

    const chosen = screen.getByRole('list', { name: 'Unidades elegidas' });
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('17,954 habitantes en 2 unidades')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Quitar 07-100 SAN JOSE ACULCO' }));
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(1);
    expect(box).toHaveFocus();
  });

  it('creates a process from a name typed and Enter, and says when a name is not in the territory', async () => {
    await seedTerritory();
    const user = renderNewProcess();
    await user.type(await screen.findByLabelText(/Nombre del proceso/), 'Pueblo de Aculco');
    const box = screen.getByRole('combobox', { name: /Unidades territoriales/ });
    await user.type(box, 'xochimilco,');
    expect(box).toHaveAccessibleDescription(
      /No encontramos «xochimilco» entre las unidades de este dispositivo/,
    );
    await user.clear(box);
    await user.type(box, 'ACULCO{Enter}');
    await user.click(screen.getByRole('button', { name: 'Crear proceso' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Pueblo de Aculco' })).toBeInTheDocument();
    expect(await screen.findByText('07-001 ACULCO (PBLO)')).toBeInTheDocument();
    const [process] = await db.processes.toArray();
    expect(process?.fields).toMatchObject({ unitKeys: ['07-001'] });
  });

  it('takes keys typed or pasted on a device without the territory', async () => {
    const user = renderNewProcess();
    const box = await screen.findByRole('combobox', { name: /Unidades territoriales/ });
    await waitFor(() => expect(box).toHaveAccessibleDescription(/todavía no tiene la lista de unidades/));
    await user.click(box);
    await user.paste('07-001 07-002; 07-003');
    const chosen = screen.getByRole('list', { name: 'Unidades elegidas' });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['07-001×', '07-002×', '07-003×']);
    await user.type(box, 'Aculco{Enter}');
    expect(box).toHaveAccessibleDescription(/No encontramos «Aculco»/);
  });
});
