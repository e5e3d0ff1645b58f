/** The territory screens over the real data layer (Dexie on fake-indexeddb); the map degrades to its list (no WebGL in jsdom). */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { setDb } from '../../../src/client/data/current-db';
import { createProcess } from '../../../src/client/data/use-processes';
import { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { ProcessUnitsMap } from '../../../src/client/widgets/maps/process-units-map';
import { StageOverview, stageByUnitKey } from '../../../src/client/widgets/maps/stage-overview';
import { TerritoryPage } from '../../../src/client/features/territory/territory-page';
import { parseTerritoryGeoJson, unitIdFromKey, type Role } from '../../../src/domain';

const REAL_FILE = path.resolve('..', 'shared', 'data', 'iztapalapa-unidades-territoriales-2022.geojson');
const realUnits = parseTerritoryGeoJson(JSON.parse(readFileSync(REAL_FILE, 'utf8'))).units;

let db: TequioDb;

async function signIn(role: Role) {
  await db.setMeta('account', {
    token: 'token',
    user: { id: 'user-1', username: 'coord', displayName: 'Coordinación', role, scope: { kind: 'borough' } },
  });
}

async function seedUnits(count: number) {
  for (const u of realUnits.slice(0, count)) {
    await writeLocal(db, 'territorialUnit', unitIdFromKey(u.key), {
      op: 'put',
      fields: { ...u, prioritised: false, directorateId: null },
    });
  }
  await db.outbox.clear();
}

beforeEach(async () => {
  db = new TequioDb(`ui-territory-${crypto.randomUUID()}`);
  setDb(db);
  await db.open();
});

afterEach(async () => {
  cleanup();
  db.close();
  await Dexie.delete(db.name);
});

const slow = { timeout: 30_000 };

function renderPage(ui: React.ReactNode) {
  render(<MemoryRouter>{ui}</MemoryRouter>);
  return userEvent.setup();
}

describe('territory page', () => {
  it('is refused to facilitators', async () => {
    await signIn('facilitator');
    renderPage(<TerritoryPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Solo coordinación/);
  });

  // Sixty real units (their polygons validated and cloned at every write and read) in a table
  // and on the map's list, re-rendered at every write: the slowest screen here. On a loaded
  // two-core machine one step can take over ten seconds and the whole test over a minute.
  it('creates the 13 directorates, filters, pages, prioritises and assigns units', async () => {
    await signIn('coordinator');
    await seedUnits(60);
    const user = renderPage(<TerritoryPage />);
    expect(await screen.findByRole('heading', { name: 'Unidades territoriales (60)' })).toBeInTheDocument();
    // No WebGL here: the map says so and the list carries everything.
    expect(screen.getByText(/El mapa no se puede mostrar/)).toBeInTheDocument();
    expect(screen.getByText('Unidades 1–50 de 60')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Siguiente' }));
    expect(screen.getByText('Unidades 51–60 de 60')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Crear las 13 direcciones' }));
    expect(
      await screen.findByRole('heading', { name: 'Direcciones territoriales (13)' }, slow),
    ).toBeInTheDocument();

    await user.type(screen.getByLabelText('Buscar por nombre o clave'), 'aculco');
    expect(screen.getByText('Unidades 1–1 de 1')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: '07-001 priorizada' }));
    await waitFor(
      async () => expect((await db.units.get(unitIdFromKey('07-001')))!.fields.prioritised).toBe(true),
      slow,
    );

    await user.clear(screen.getByLabelText('Buscar por nombre o clave'));
    await user.click(screen.getByRole('checkbox', { name: /Seleccionar 07-002/ }));
    // Selecting from the map's list works like tapping the unit on the map.
    const mapList = screen.getByRole('table', { name: /Mapa de las unidades territoriales por dirección/ });
    await user.click(within(mapList).getByRole('button', { name: '07-003' }));
    expect(screen.getByText('2 seleccionadas')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Asignar a'), 'Dirección Territorial 3');
    expect(screen.getByRole('button', { name: 'Asignar' })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Asignar' }));
    await waitFor(
      () =>
        expect(screen.getByText(/asignadas? a/)).toHaveTextContent(
          '2 unidades asignadas a Dirección Territorial 3.',
        ),
      slow,
    );
    const d3 = (await db.directorates.toArray()).find((d) => d.fields.number === 3)!.id;
    expect((await db.units.get(unitIdFromKey('07-002')))!.fields.directorateId).toBe(d3);
    expect((await db.units.get(unitIdFromKey('07-003')))!.fields.directorateId).toBe(d3);
    await user.selectOptions(screen.getByLabelText('Dirección territorial'), 'Dirección Territorial 3');
    expect(await screen.findByText('Unidades 1–2 de 2', {}, slow)).toBeInTheDocument();
    // All of it is queued to sync: 13 directorates, 1 prioritised flag, 2 assignments.
    expect(await db.outbox.count()).toBe(16);
  }, 120_000);
});

describe('stage overview', () => {
  it('colours each unit by the most advanced process covering it and counts units per stage', async () => {
    expect(
      stageByUnitKey([
        { unitKeys: ['07-001', '07-002'], stage: 'convening' },
        { unitKeys: ['07-002'], stage: 'tour' },
      ]),
    ).toEqual(
      new Map([
        ['07-001', 'convening'],
        ['07-002', 'tour'],
      ]),
    );
    await signIn('coordinator');
    await seedUnits(5);
    await createProcess({ name: 'Aculco', unitKeys: ['07-001', '07-002'], stage: 'tour', teamUserIds: [] });
    renderPage(<StageOverview />);
    expect(await screen.findByText('2 de 5 unidades tienen un proceso.')).toBeInTheDocument();
    const legend = screen.getByRole('list', { name: 'Leyenda de etapas' });
    expect(within(legend).getByText(/3\. Recorrido territorial/)).toHaveTextContent(
      '3. Recorrido territorial: 2',
    );
    expect(within(legend).getByText(/Sin proceso/)).toHaveTextContent('Sin proceso: 3');
    const table = screen.getByRole('table');
    expect(within(table).getByRole('row', { name: /07-001/ })).toHaveTextContent('3. Recorrido territorial');
    expect(within(table).getByRole('row', { name: /07-005/ })).toHaveTextContent('Sin proceso');
  });
});

describe('process units map', () => {
  it('lists the units the process covers (the map degrades to this list without WebGL)', async () => {
    await signIn('coordinator');
    await seedUnits(3);
    const id = await createProcess({
      name: 'Aculco y vecinas',
      unitKeys: ['07-003', '07-001'],
      stage: 'convening',
      teamUserIds: [],
    });
    renderPage(<ProcessUnitsMap processId={id} />);
    const table = await screen.findByRole('table', {
      name: 'Mapa de las unidades del proceso Aculco y vecinas',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringContaining('07-003'),
      expect.stringContaining('07-001'),
    ]);
    expect(rows[1]).toHaveTextContent('ACULCO (PBLO)');
  });
});
