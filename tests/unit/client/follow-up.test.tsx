/** The follow-up screens over the real data layer (Dexie on fake-indexeddb): a project's follow-up, the pendientes, an area's page. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { createProcess } from '../../../src/client/data/processes.repository';
import { createProject } from '../../../src/client/data/projects.repository';
import { createSession } from '../../../src/client/data/sessions.repository';
import { ProjectScreen } from '../../../src/client/app/screens/project-screen';
import { PendingPage } from '../../../src/client/features/follow-up/pending-page';
import { GovernmentAreaPage } from '../../../src/client/features/government-areas/area-page';
import {
  addDays,
  DEFAULT_GOVERNMENT_AREAS,
  DEFAULT_PROJECT_STATUSES,
  localDate,
  type Project,
} from '../../../src/domain';
import { aProcess, aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('follow-up-ui', (opened) => (db = opened));

const WORKS = DEFAULT_GOVERNMENT_AREAS[0]!;
const today = () => localDate(new Date());

async function world() {
  await db.projectStatuses.bulkPut(
    DEFAULT_PROJECT_STATUSES.map(({ id, ...fields }) => ({ id, fields, hlcs: {}, deleted: false as const })),
  );
  await db.governmentAreas.put({
    id: WORKS.id,
    fields: { name: WORKS.name, shortName: WORKS.shortName, active: true },
    hlcs: {},
    deleted: false,
  });
  const processId = await createProcess(db, aProcess({ name: 'Barrio Norte' }));
  const project: Project = {
    processId,
    title: 'Banquetas accesibles',
    kind: 'project',
    theme: 'mobility',
    problemIds: [],
    visionIds: [],
    managementMode: 'co_managed',
    governmentAreaIds: [WORKS.id],
    term: 'short',
    commitments: [
      {
        id: 'c1',
        who: { kind: 'government_area', governmentAreaId: WORKS.id },
        what: 'Entregar el proyecto técnico',
        dueDate: addDays(today(), -3),
      },
      { id: 'c2', who: { kind: 'collective' }, what: 'Organizar la faena', dueDate: addDays(today(), 20) },
    ],
  };
  const projectId = await createProject(db, project);
  await createSession(
    db,
    aSession(processId, {
      title: 'Asamblea de seguimiento',
      agreements: [
        {
          id: 'a1',
          text: 'Pedir las lonas',
          responsible: 'Doña Lupe',
          dueDate: addDays(today(), 2),
          status: 'pending',
        },
      ],
    }),
  );
  return { processId, projectId };
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/projects/:id" element={<ProjectScreen />} />
        <Route path="/processes/:processId/pendientes" element={<PendingPage />} />
        <Route path="/pendientes" element={<PendingPage />} />
        <Route path="/government-areas/:id" element={<GovernmentAreaPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('project follow-up', () => {
  it('records progress and a status change that needs a reason; the timeline shows both, newest first', async () => {
    const { projectId } = await world();
    const user = renderAt(`/projects/${projectId}`);
    const section = await screen.findByRole('region', { name: 'Seguimiento' });
    expect(within(section).getByText('Propuesto')).toBeInTheDocument();
    expect(within(section).getByRole('progressbar', { name: 'Avance' })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(within(section).getByText(/según el estado/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Registrar avance' }));
    const form = screen.getByRole('region', { name: 'Registrar avance' });
    await user.click(within(form).getByRole('button', { name: 'Guardar avance' }));
    expect(within(form).getByLabelText('¿Qué avanzó?')).toHaveAccessibleDescription(
      /Escribe qué avanzó o agrega una foto/,
    );
    await user.selectOptions(within(form).getByLabelText('Estado del proyecto'), 'En pausa');
    await user.type(within(form).getByLabelText('¿Qué avanzó?'), 'Se detuvo la obra por lluvias');
    await user.click(within(form).getByRole('button', { name: 'Guardar avance' }));
    expect(within(form).getByLabelText(/Motivo/)).toHaveAccessibleDescription(/Escribe el motivo/);
    await user.type(within(form).getByLabelText(/Motivo/), 'Temporada de lluvias');
    await user.clear(within(form).getByLabelText('Avance (%)'));
    await user.type(within(form).getByLabelText('Avance (%)'), '35');
    await user.click(within(form).getByRole('button', { name: 'Guardar avance' }));

    expect(await screen.findByText('Avance guardado en este dispositivo.')).toBeInTheDocument();
    expect(await within(section).findByText('En pausa')).toBeInTheDocument();
    expect(within(section).getByText(/motivo: Temporada de lluvias/)).toBeInTheDocument();
    expect(within(section).getByRole('progressbar', { name: 'Avance' })).toHaveAttribute(
      'aria-valuenow',
      '35',
    );
    expect(within(section).getByText(/registrado a mano/)).toBeInTheDocument();
    const entries = within(section).getAllByRole('listitem');
    // Same day: the entry written last comes first (the milestone, after the status change).
    expect(entries[0]).toHaveTextContent('Se detuvo la obra por lluvias');
    expect(entries[1]).toHaveTextContent('Cambio de estado: En pausa');
    expect(within(section).getByText('Cambio de estado: En pausa')).toBeInTheDocument();
    expect(within(section).getByText('Se detuvo la obra por lluvias')).toBeInTheDocument();
    expect(entries[0]).toHaveTextContent('Facilitación');
    const stored = (await db.projects.get(projectId))!.fields;
    expect(stored).toMatchObject({ statusReason: 'Temporada de lluvias', progress: 35 });
    expect(await db.projectUpdates.count()).toBe(2);
  });
});

describe('pendientes', () => {
  it('lists overdue first and marks a commitment (with a note) and an agreement done', async () => {
    const { processId, projectId } = await world();
    const user = renderAt(`/processes/${processId}/pendientes`);
    const overdue = await screen.findByRole('region', { name: 'Vencidos (1)' });
    expect(within(overdue).getByText('Entregar el proyecto técnico')).toBeInTheDocument();
    expect(within(overdue).getByText(/Vencido hace 3 días/)).toBeInTheDocument();
    expect(await within(overdue).findByText(new RegExp(WORKS.name))).toBeInTheDocument();
    const week = screen.getByRole('region', { name: 'Esta semana: próximos 7 días (1)' });
    expect(within(week).getByText('Pedir las lonas')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Más adelante (1)' })).toHaveTextContent('Organizar la faena');

    await user.click(
      within(overdue).getByRole('button', { name: 'Marcar como hecho: Entregar el proyecto técnico' }),
    );
    await user.type(within(overdue).getByLabelText('Nota (opcional)'), 'Entregado en ventanilla');
    await user.click(within(overdue).getByRole('button', { name: 'Guardar como hecho' }));
    const done = await screen.findByRole('region', { name: 'Hechos (1)' });
    expect(done).toHaveTextContent('Entregar el proyecto técnico');
    await user.click(within(week).getByRole('button', { name: 'Marcar como hecho: Pedir las lonas' }));
    expect(await screen.findByRole('region', { name: 'Hechos (2)' })).toHaveTextContent('Pedir las lonas');
    expect(screen.queryByRole('region', { name: /Vencidos/ })).toBeNull();

    const project = (await db.projects.get(projectId))!.fields;
    expect(project.commitments?.[0]).toMatchObject({ done: true, doneAt: today() });
    const [entry] = await db.projectUpdates.toArray();
    expect(entry?.fields).toMatchObject({
      kind: 'commitment_done',
      commitmentId: 'c1',
      text: 'Entregado en ventanilla',
    });
  });
});

describe('a government area’s page', () => {
  it('shows the projects naming it and its commitments, overdue counted', async () => {
    await world();
    renderAt(`/government-areas/${WORKS.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: WORKS.name })).toBeInTheDocument();
    expect(screen.getByText('1 compromiso vencido')).toBeInTheDocument();
    const commitments = screen.getByRole('region', { name: '1 compromiso del área' });
    expect(commitments).toHaveTextContent(/Entregar el proyecto técnico.*Vencido hace 3 días/);
    expect(screen.getByRole('region', { name: '1 proyecto la nombra' })).toHaveTextContent(
      'Banquetas accesibles',
    );
  });
});
