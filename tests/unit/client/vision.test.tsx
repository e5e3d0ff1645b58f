/** Vision screens over the real data layer (Dexie on fake-indexeddb), as a facilitator uses them in a session. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { closeRound, createRound, recordTally } from '../../../src/client/data/use-prioritisation';
import { createProblem } from '../../../src/client/data/use-problems';
import { createProcess } from '../../../src/client/data/use-processes';
import { createProject } from '../../../src/client/data/use-projects';
import { createSession } from '../../../src/client/data/use-sessions';
import { createVision } from '../../../src/client/data/use-vision';
import { SessionVision } from '../../../src/client/features/vision/session-vision';
import { VisionFormPage } from '../../../src/client/features/vision/vision-form-page';
import { VisionPage } from '../../../src/client/features/vision/vision-page';
import { aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('vision-ui', (opened) => (db = opened));

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/sessions/:id" element={<SessionRoute />} />
        <Route path="/processes/:processId/vision" element={<VisionPage />} />
        <Route path="/processes/:processId/vision/new" element={<VisionFormPage />} />
        <Route path="/vision/:id" element={<VisionFormPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

let ids: { processId: string; sessionId: string };
function SessionRoute() {
  return <SessionVision sessionId={ids.sessionId} processId={ids.processId} />;
}

/** A process with a planning workshop and three problems, two of them ranked in a closed vote. */
async function world() {
  const processId = await createProcess({ name: 'Barrio San Lucas', unitKeys: ['07-001'], stage: 'vision' });
  const sessionId = await createSession(
    aSession(processId, { type: 'planning_workshop', title: 'Taller de imaginarios' }),
  );
  const water = await createProblem({ processId, title: 'Falta de agua', theme: 'water' });
  const light = await createProblem({ processId, title: 'Calles sin luz', theme: 'safety' });
  await createProblem({ processId, title: 'Árboles sin poda', theme: 'environment' });
  const roundId = await createRound(sessionId, {
    title: 'Priorización de problemas',
    problemIds: [water, light],
    method: 'dots',
    dotsPerPerson: 3,
  });
  await recordTally(roundId, { dots: { [water]: 9, [light]: 4 }, participants: 10 });
  await closeRound(roundId, 'Se priorizaron los problemas');
  ids = { processId, sessionId };
  return { processId, sessionId, water, light };
}

describe('vision', () => {
  it('records a statement from a session, prioritised problems first, and lists it by thematic area', async () => {
    const { processId, sessionId, water } = await world();
    const user = renderAt(`/processes/${processId}/vision/new?sessionId=${sessionId}`);

    const problems = await screen.findByRole('group', { name: 'Problemas que atiende' });
    expect(
      within(problems)
        .getAllByRole('checkbox')
        .map((c) => c.closest('label')?.textContent?.trim()),
    ).toEqual([
      'Falta de agua · lugar 1 en la priorización',
      'Calles sin luz · lugar 2 en la priorización',
      'Árboles sin poda',
    ]);
    expect(screen.getByLabelText(/Sesión donde se construyó/)).toHaveValue(sessionId);

    await user.click(screen.getByRole('button', { name: 'Guardar enunciado' }));
    expect(await screen.findByText('No se guardó: revisa los campos marcados en rojo.')).toBeInTheDocument();
    expect(screen.getByLabelText(/El barrio que queremos/)).toHaveAccessibleDescription(
      /Este dato es obligatorio\./,
    );
    expect(screen.getByLabelText(/Área temática/)).toHaveAccessibleDescription(
      'Elige una opción de la lista.',
    );

    await user.type(
      screen.getByLabelText(/El barrio que queremos/),
      'Agua limpia en cada casa todos los días',
    );
    await user.selectOptions(screen.getByLabelText(/Área temática/), 'Agua');
    await user.click(within(problems).getByRole('checkbox', { name: /Falta de agua/ }));
    await user.click(screen.getByRole('button', { name: 'Guardar enunciado' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Visión del barrio' })).toBeInTheDocument();
    expect(await screen.findByText('Enunciado guardado en este dispositivo.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Agua (1)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Agua limpia en cada casa todos los días/ })).toHaveTextContent(
      'Registrado en «Taller de imaginarios» · Atiende 1 problema · 0 fotos',
    );
    const [stored] = await db.visionStatements.toArray();
    expect(stored?.fields).toMatchObject({ processId, sessionId, theme: 'water', problemIds: [water] });
  });

  it('shows the session its statements, and a statement the projects that serve it', async () => {
    const { processId, sessionId } = await world();
    const visionId = await createVision({
      processId,
      sessionId,
      text: 'Un barrio iluminado',
      theme: 'safety',
    });
    await createProject({
      processId,
      title: 'Luminarias solares en la calle 5',
      kind: 'project',
      theme: 'safety',
      problemIds: [],
      visionIds: [visionId],
      managementMode: 'self_managed',
      governmentAreaIds: [],
      term: 'short',
      commitments: [],
    });
    const user = renderAt(`/sessions/${sessionId}`);
    const section = await screen.findByRole('region', { name: 'Visión construida en esta sesión' });
    await user.click(await within(section).findByRole('link', { name: 'Un barrio iluminado' }));
    const served = await screen.findByRole('region', { name: 'Proyectos que la atienden' });
    expect(
      await within(served).findByRole('link', { name: 'Luminarias solares en la calle 5' }),
    ).toHaveAttribute('href', expect.stringMatching(/^\/projects\//));
  });
});
