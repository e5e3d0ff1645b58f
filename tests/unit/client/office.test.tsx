/** The office on one device (Dexie on fake-indexeddb): the dashboards' tables from local records, and the filters. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { emptyAttendance, newId } from '../../../src/domain';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { OfficePage } from '../../../src/client/features/office/office-page';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('office-ui', (opened) => (db = opened));

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [-99.1, 19.3],
      [-99.09, 19.3],
      [-99.09, 19.31],
      [-99.1, 19.3],
    ] as [number, number][],
  ],
};

async function signInAs(role: 'coordinator' | 'facilitator') {
  const account = (await db.getMeta('account'))!;
  await db.setMeta('account', { ...account, user: { ...account.user, role } });
}

async function seed() {
  const d1 = newId();
  const d2 = newId();
  await writeLocal(db, 'directorate', d1, {
    op: 'put',
    fields: { name: 'Dirección Territorial Uno', number: 1 },
  });
  await writeLocal(db, 'directorate', d2, {
    op: 'put',
    fields: { name: 'Dirección Territorial Dos', number: 2 },
  });
  const units: [string, number, string, boolean][] = [
    ['07-001', 1000, d1, true],
    ['07-002', 3000, d1, false],
    ['07-003', 6000, d2, true],
  ];
  for (const [key, population, directorateId, prioritised] of units) {
    await writeLocal(db, 'territorialUnit', newId(), {
      op: 'put',
      fields: { key, name: `Unidad ${key}`, population, directorateId, prioritised, geometry: square },
    });
  }
  const p1 = newId();
  await writeLocal(db, 'process', p1, {
    op: 'put',
    fields: { name: 'San Miguel Teotongo', unitKeys: ['07-001'], stage: 'tour', teamUserIds: [] },
  });
  await writeLocal(db, 'process', newId(), {
    op: 'put',
    fields: { name: 'Año de Juárez', unitKeys: ['07-003'], stage: 'vision', teamUserIds: [] },
  });
  const attendance = emptyAttendance();
  attendance.counts.women.adults = 12;
  attendance.counts.men.youth = 3;
  attendance.indigenous = 2;
  await writeLocal(db, 'session', newId(), {
    op: 'put',
    fields: {
      processId: p1,
      type: 'community_assembly',
      title: 'Primera asamblea',
      date: '2026-02-14',
      place: 'Explanada',
      facilitators: ['Ana'],
      attendance,
      agreements: [],
    },
  });
  return { d1, d2 };
}

function renderOffice() {
  render(
    <MemoryRouter initialEntries={['/office']}>
      <Routes>
        <Route path="/office" element={<OfficePage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('the office', () => {
  it('shows coverage, stages and participation as tables of the device’s figures, and filters by directorate', async () => {
    await signInAs('coordinator');
    const { d1 } = await seed();
    const user = renderOffice();

    const coverage = await screen.findByRole('table', { name: 'Cobertura' });
    const population = within(coverage).getByRole('row', { name: /Población cubierta/ });
    expect(population).toHaveTextContent('7,000 de 10,000');
    expect(population).toHaveTextContent('70%');
    expect(within(coverage).getByRole('row', { name: /Unidades priorizadas/ })).toHaveTextContent('2 de 2');

    const stages = screen.getByRole('table', { name: 'Procesos por etapa y dirección territorial' });
    const one = within(stages).getByRole('row', { name: /Dirección Territorial Uno/ });
    expect(
      within(one)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '1']);
    expect(screen.getByRole('img', { name: /Procesos por etapa/ })).toBeInTheDocument();

    const matrix = screen.getByRole('table', { name: 'Asistencia por género y grupo de edad' });
    expect(within(matrix).getByRole('row', { name: /^Mujeres/ })).toHaveTextContent('12');
    const byDirectorate = screen.getByRole('table', { name: 'Participación por dirección territorial' });
    expect(within(byDirectorate).getByRole('row', { name: /Dirección Territorial Uno/ })).toHaveTextContent(
      '15',
    );

    await user.selectOptions(screen.getByLabelText('Dirección territorial'), d1);
    const filtered = await screen.findByRole('table', { name: 'Cobertura' });
    expect(within(filtered).getByRole('row', { name: /Población cubierta/ })).toHaveTextContent(
      '1,000 de 10,000',
    );
    expect(within(filtered).getByRole('row', { name: /^Procesos/ })).toHaveTextContent('1');

    await user.type(screen.getByLabelText('Desde'), '2026-03-01');
    expect(await screen.findByText('No hay sesiones con estos filtros.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver el mapa de etapas' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ver los promedios de rúbricas' })).toHaveAttribute(
      'href',
      '/rubrics/averages',
    );
  });

  it('is closed to field accounts', async () => {
    await signInAs('facilitator');
    renderOffice();
    expect(
      await screen.findByText('El tablero y las exportaciones son para coordinación y administración.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
