/** Projects and actions over the real data layer (Dexie on fake-indexeddb), as a facilitator uses them. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { createGovernmentArea } from '../../../src/client/data/use-government-areas';
import { createProblem } from '../../../src/client/data/use-problems';
import { createProcess } from '../../../src/client/data/use-processes';
import { createProject } from '../../../src/client/data/use-projects';
import { createSession } from '../../../src/client/data/use-sessions';
import { createTourNote } from '../../../src/client/data/use-tour-notes';
import { createVision } from '../../../src/client/data/use-vision';
import { NoteProjects, ProblemProjects } from '../../../src/client/features/projects/answering-projects';
import { ProjectFormPage } from '../../../src/client/features/projects/project-form-page';
import { ProjectPage } from '../../../src/client/features/projects/project-page';
import { ProjectsPage } from '../../../src/client/features/projects/projects-page';
import type { Project } from '../../../src/domain';
import { aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('projects-ui', (opened) => (db = opened));

function ProblemRoute() {
  return <ProblemProjects problemId={useParams().id ?? ''} />;
}
function NoteRoute() {
  return <NoteProjects noteId={useParams().id ?? ''} />;
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/processes/:processId/projects" element={<ProjectsPage />} />
        <Route path="/processes/:processId/projects/new" element={<ProjectFormPage />} />
        <Route path="/projects/:id" element={<ProjectPage />} />
        <Route path="/projects/:id/edit" element={<ProjectFormPage />} />
        <Route path="/problems/:id" element={<ProblemRoute />} />
        <Route path="/notes/:id" element={<NoteRoute />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

async function world() {
  const processId = await createProcess({
    name: 'Barrio San Lucas',
    unitKeys: ['07-001'],
    stage: 'projects',
  });
  const sessionId = await createSession(
    aSession(processId, { type: 'territorial_tour', title: 'Recorrido' }),
  );
  const noteId = await createTourNote(sessionId, {
    theme: 'safety',
    description: 'Poste sin foco en la esquina',
    severity: 'high',
  });
  const problemId = await createProblem({
    processId,
    title: 'Calles sin luz',
    theme: 'safety',
    noteIds: [noteId],
  });
  const visionId = await createVision({ processId, sessionId, text: 'Un barrio iluminado', theme: 'safety' });
  const areaId = await createGovernmentArea({ name: 'Dirección General de Obras', shortName: 'Obras' });
  return { processId, sessionId, noteId, problemId, visionId, areaId };
}

const base = (processId: string, overrides: Partial<Project> = {}): Project => ({
  processId,
  title: 'Proyecto',
  kind: 'project',
  theme: 'safety',
  problemIds: [],
  visionIds: [],
  managementMode: 'self_managed',
  governmentAreaIds: [],
  term: 'short',
  commitments: [],
  ...overrides,
});

describe('projects and actions', () => {
  it('creates a co-managed project with its links and a commitment, refusing what is missing in Spanish', async () => {
    const { processId, problemId, visionId } = await world();
    const user = renderAt(`/processes/${processId}/projects/new`);

    await user.type(await screen.findByLabelText(/^Título/), 'Luminarias solares en la calle 5');
    await user.selectOptions(screen.getByLabelText(/Área temática/), 'Seguridad');
    await user.click(screen.getByRole('checkbox', { name: /Calles sin luz/ }));
    await user.click(screen.getByRole('checkbox', { name: /Un barrio iluminado/ }));
    await user.selectOptions(screen.getByLabelText(/Modo de gestión/), 'Cogestión');
    await user.selectOptions(screen.getByLabelText(/Plazo/), 'Mediano plazo');
    await user.type(screen.getByRole('combobox', { name: /Unidades territoriales/ }), '07-001{Enter}');
    await user.type(screen.getByLabelText('Latitud'), '19.35');
    await user.type(screen.getByLabelText('Longitud'), '-99.06');
    await user.click(screen.getByRole('button', { name: 'Agregar compromiso' }));
    await user.selectOptions(screen.getByLabelText(/Quién/), 'Un grupo de vecinas y vecinos');
    await user.type(screen.getByLabelText(/Qué hará/), 'Vigilar que las luminarias funcionen');
    await user.type(screen.getByLabelText(/Para cuándo/), '2027-03-01');
    await user.click(screen.getByRole('button', { name: 'Guardar proyecto' }));

    expect(await screen.findByText('No se guardó: revisa los campos marcados en rojo.')).toBeInTheDocument();
    expect(await screen.findByText('Indica al menos un área de gobierno responsable.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Nombre del grupo/)).toHaveAccessibleDescription(
      'Escribe el nombre del grupo.',
    );

    await user.click(screen.getByRole('checkbox', { name: 'Dirección General de Obras' }));
    await user.type(screen.getByLabelText(/Nombre del grupo/), 'Vecinas de la calle 5');
    await user.click(screen.getByRole('button', { name: 'Guardar proyecto' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Luminarias solares en la calle 5' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Proyecto guardado en este dispositivo.')).toBeInTheDocument();
    expect(await screen.findByText('Proyecto · Seguridad · Cogestión · Mediano plazo')).toBeInTheDocument();
    expect(await screen.findByText('Dirección General de Obras')).toBeInTheDocument();
    expect(screen.getByText('Unidades 07-001 Punto en el mapa (19.35, -99.06)')).toBeInTheDocument();
    expect(
      screen.getByText(/Vecinas de la calle 5: Vigilar que las luminarias funcionen/),
    ).toBeInTheDocument();
    const trace = screen.getByRole('region', { name: 'De dónde viene' });
    expect(within(trace).getByRole('link', { name: 'Calles sin luz' })).toHaveAttribute(
      'href',
      `/problems/${problemId}`,
    );
    expect(within(trace).getByRole('link', { name: 'Poste sin foco en la esquina' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'Visión a la que sirve' })).getByRole('link', {
        name: 'Un barrio iluminado',
      }),
    ).toHaveAttribute('href', `/vision/${visionId}`);
    const [stored] = await db.projects.toArray();
    expect(stored?.fields).toMatchObject({
      managementMode: 'co_managed',
      communityOrder: 1,
      where: { unitKeys: ['07-001'], point: { lat: 19.35, lon: -99.06 } },
      commitments: [
        { who: { kind: 'resident_group', name: 'Vecinas de la calle 5' }, dueDate: '2027-03-01' },
      ],
    });
  });

  it('lists projects and actions as an outline and moves one down', async () => {
    const { processId } = await world();
    const first = await createProject(base(processId, { title: 'Luminarias solares' }));
    await createProject(base(processId, { title: 'Comprar paneles', kind: 'action', parentId: first }));
    await createProject(base(processId, { title: 'Huerto comunitario' }));
    const user = renderAt(`/processes/${processId}/projects`);

    const rows = async () =>
      (await screen.findAllByRole('link', { name: /^\d/ })).map((a) =>
        a.textContent?.split(' · ')[0]?.trim(),
      );
    expect(await rows()).toEqual(['1 Luminarias solares', '1.1 Comprar paneles', '2 Huerto comunitario']);
    expect(screen.getByRole('button', { name: 'Subir 1 Luminarias solares' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Bajar 1 Luminarias solares' }));
    expect(await screen.findByRole('button', { name: 'Bajar 2 Luminarias solares' })).toBeDisabled();
    expect(await rows()).toEqual(['1 Huerto comunitario', '2 Luminarias solares', '2.1 Comprar paneles']);
  });

  it('shows parent and actions both ways, and from a problem the projects that answer it', async () => {
    const { processId, problemId } = await world();
    const parent = await createProject(
      base(processId, { title: 'Luminarias solares', problemIds: [problemId] }),
    );
    const child = await createProject(
      base(processId, {
        title: 'Comprar paneles',
        kind: 'action',
        parentId: parent,
        problemIds: [problemId],
      }),
    );
    const user = renderAt(`/projects/${child}`);
    const up = await screen.findByRole('region', { name: 'Forma parte de' });
    await user.click(within(up).getByRole('link', { name: 'Luminarias solares' }));
    const down = await screen.findByRole('region', { name: 'Acciones de este proyecto' });
    expect(await within(down).findByRole('link', { name: 'Comprar paneles' })).toHaveAttribute(
      'href',
      `/projects/${child}`,
    );
    expect(screen.getByRole('link', { name: 'Agregar acción a este proyecto' })).toHaveAttribute(
      'href',
      `/processes/${processId}/projects/new?parentId=${parent}`,
    );

    await user.click(screen.getByRole('link', { name: 'Calles sin luz' }));
    const answering = await screen.findByRole('region', { name: 'Proyectos que lo atienden' });
    expect(await within(answering).findAllByRole('link')).toHaveLength(2);
    expect(
      within(answering).getByRole('link', { name: 'Luminarias solares · Proyecto' }),
    ).toBeInTheDocument();
  });

  it('from a tour note, names its problem and the projects that answer it', async () => {
    const { processId, problemId, noteId } = await world();
    await createProject(base(processId, { title: 'Luminarias solares', problemIds: [problemId] }));
    renderAt(`/notes/${noteId}`);
    const section = await screen.findByRole('region', {
      name: 'Proyectos que atienden lo que muestra esta nota',
    });
    expect(within(section).getByText('Problemas que muestra: Calles sin luz')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'Luminarias solares · Proyecto' })).toBeInTheDocument();
  });
});
