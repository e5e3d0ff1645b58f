/** The process page at a glance (stepper, transitions with evidence, collective) and agreement follow-up, on fake-indexeddb. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession } from '../../../src/client/data/use-sessions';
import { castVote, closeRound, createRound } from '../../../src/client/data/use-prioritisation';
import { writeLocal } from '../../../src/client/data/records.repository';
import type { TequioDb } from '../../../src/client/data/db';
import { onFreshSignedInDevice } from './signed-in-device';
import { ProcessPage } from '../../../src/client/features/processes/process-page';
import { NewSessionPage } from '../../../src/client/features/sessions/new-session-page';
import { newId, type Process, type Session } from '../../../src/domain';
import { aSession } from '../../fixtures/sessions';

let db: TequioDb;
onFreshSignedInDevice('stages-test', (opened) => (db = opened));

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/processes/:id" element={<ProcessPage />} />
        <Route path="/processes/:processId/sessions/new" element={<NewSessionPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

const processFields = async (id: string) => (await db.processes.get(id))?.fields as Process;

describe('process page at a glance', () => {
  it('shows the ten stages with the current one marked and the dates reached, and the team by name', async () => {
    const id = await createProcess({
      name: 'Barrio San Miguel',
      unitKeys: ['07-010'],
      stage: 'collective',
      stageHistory: [
        { stage: 'convening', reachedAt: '2026-02-02', sessionIds: [] },
        { stage: 'collective', reachedAt: '2026-03-04', sessionIds: [] },
      ],
    });
    renderAt(`/processes/${id}`);
    const stepper = await screen.findByRole('list', { name: 'Etapas del proceso' });
    const steps = within(stepper).getAllByRole('listitem');
    expect(steps).toHaveLength(10);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[1]).toHaveTextContent('Colectivo de Planeación');
    expect(steps[1]?.querySelector('time')).toHaveAttribute('dateTime', '2026-03-04');
    expect(steps[0]?.querySelector('time')).toHaveAttribute('dateTime', '2026-02-02');
    expect(steps[2]?.querySelector('time')).toBeNull();
    const team = screen.getByRole('region', { name: 'Equipo' });
    await waitFor(() => expect(team).toHaveTextContent('Ana López'));
  });

  it('names the units this device knows and leaves unknown keys bare', async () => {
    const square: [number, number][][] = [
      [
        [-99.06, 19.35],
        [-99.05, 19.35],
        [-99.05, 19.36],
        [-99.06, 19.35],
      ],
    ];
    await db.units.put({
      id: 'unit-07-016',
      fields: {
        key: '07-016',
        name: 'SAN MIGUEL TEOTONGO',
        population: 9000,
        prioritised: false,
        geometry: { type: 'Polygon', coordinates: square },
      },
      hlcs: {},
      deleted: false,
    });
    const id = await createProcess({ name: 'Teotongo', unitKeys: ['07-016', '07-099'], stage: 'convening' });
    renderAt(`/processes/${id}`);
    expect(await screen.findByText('07-016 SAN MIGUEL TEOTONGO, 07-099')).toBeInTheDocument();
  });

  it('advances with the process own sessions as evidence and shows them in the history', async () => {
    const id = await createProcess({ name: 'Colonia Renovación', unitKeys: ['07-011'], stage: 'convening' });
    const sessionId = await createSession(
      aSession(id, { title: 'Asamblea de arranque', date: '2026-03-01' }),
    );
    const other = await createProcess({ name: 'Otro', unitKeys: ['07-012'], stage: 'convening' });
    await createSession(aSession(other, { title: 'Asamblea de otro proceso' }));

    const user = renderAt(`/processes/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Registrar un cambio de etapa' }));
    const evidence = await screen.findByRole('group', { name: 'Sesiones que lo respaldan' });
    expect(within(evidence).queryByText(/Asamblea de otro proceso/)).toBeNull();
    await user.click(await within(evidence).findByRole('checkbox', { name: /Asamblea de arranque/ }));
    await user.clear(screen.getByLabelText('Fecha en que se alcanzó'));
    await user.type(screen.getByLabelText('Fecha en que se alcanzó'), '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Avanzar a la etapa 2' }));
    const dialog = await screen.findByRole('dialog', {
      name: '¿Avanzar a la etapa 2: Colectivo de Planeación?',
    });
    expect(dialog).toHaveTextContent('1 sesión lo respalda.');
    await user.click(within(dialog).getByRole('button', { name: 'Sí, avanzar' }));

    // The stage comes with the process, the session's title from its own query: wait for both.
    const history = await screen.findByRole('region', { name: 'Historial de etapas' });
    await waitFor(() => {
      expect(history).toHaveTextContent('Colectivo de Planeación');
      expect(history).toHaveTextContent('Asamblea de arranque');
    });
    expect(await processFields(id)).toMatchObject({
      stage: 'collective',
      stageHistory: [{ stage: 'collective', reachedAt: '2026-03-05', sessionIds: [sessionId] }],
    });
    // The form now offers the next stage.
    await user.click(await screen.findByRole('button', { name: 'Registrar un cambio de etapa' }));
    expect(await screen.findByRole('button', { name: 'Avanzar a la etapa 3' })).toBeInTheDocument();
  });

  it('goes back only with a note, and refuses a date before the last change', async () => {
    const id = await createProcess({
      name: 'Pueblo Santa Martha',
      unitKeys: ['07-013'],
      stage: 'tour',
      stageHistory: [{ stage: 'tour', reachedAt: '2026-04-10', sessionIds: [] }],
    });
    const user = renderAt(`/processes/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Registrar un cambio de etapa' }));
    await user.selectOptions(await screen.findByLabelText('Etapa alcanzada'), '2. Colectivo de Planeación');
    const date = screen.getByLabelText('Fecha en que se alcanzó');
    await user.clear(date);
    await user.type(date, '2026-04-01');
    await user.click(screen.getByRole('button', { name: 'Volver a la etapa 2' }));
    await user.click(await screen.findByRole('button', { name: 'Sí, volver' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('La fecha no puede ser anterior a la del último cambio de etapa.');
    expect(alert).toHaveTextContent('escribe una nota con el motivo');
    expect((await processFields(id)).stage).toBe('tour');

    await user.clear(date);
    await user.type(date, '2026-04-12');
    await user.type(screen.getByLabelText(/Nota/), 'El colectivo se renovó');
    await user.click(screen.getByRole('button', { name: 'Volver a la etapa 2' }));
    await user.click(await screen.findByRole('button', { name: 'Sí, volver' }));
    await waitFor(async () => expect((await processFields(id)).stage).toBe('collective'));
    expect((await processFields(id)).stageHistory?.at(-1)).toMatchObject({ note: 'El colectivo se renovó' });
  });

  it('records the collective: names only with consent and its date', async () => {
    const id = await createProcess({ name: 'Colonia Xalpa', unitKeys: ['07-014'], stage: 'collective' });
    const user = renderAt(`/processes/${id}`);
    await user.click(await screen.findByRole('button', { name: 'Editar colectivo' }));
    const count = screen.getByLabelText('Número de integrantes');
    await user.clear(count);
    await user.type(count, '14');
    await user.click(screen.getByRole('button', { name: 'Agregar integrante con nombre' }));
    await user.type(screen.getByLabelText('Nombre'), 'Lucía Hernández');
    await user.click(screen.getByRole('button', { name: 'Guardar colectivo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cada nombre necesita el consentimiento marcado',
    );
    expect((await processFields(id)).collective).toBeUndefined();

    await user.click(screen.getByRole('checkbox', { name: /Dio su consentimiento/ }));
    await user.click(screen.getByRole('button', { name: 'Guardar colectivo' }));
    expect(await screen.findByText('14 integrantes')).toBeInTheDocument();
    const collective = (await processFields(id)).collective;
    expect(collective?.memberCount).toBe(14);
    expect(collective?.members).toEqual([
      expect.objectContaining({
        name: 'Lucía Hernández',
        consentDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    ]);
  });
});

describe('stages follow evidence', () => {
  async function aProblem(processId: string, title: string): Promise<string> {
    const id = newId();
    await writeLocal(db, 'problem', id, { op: 'put', fields: { processId, title, theme: 'water' } });
    return id;
  }

  it('a vote closed at stage 1 shows the Collective and the tour as skipped, not done, until evidence is recorded', async () => {
    const id = await createProcess({ name: 'Colonia Buenavista', unitKeys: ['07-020'], stage: 'convening' });
    const sessionId = await createSession(
      aSession(id, { title: 'Asamblea de priorización', date: '2026-11-20' }),
    );
    const water = await aProblem(id, 'Falta de agua');
    const trash = await aProblem(id, 'Basura en la barranca');
    const roundId = await createRound(sessionId, {
      title: 'Prioridades',
      problemIds: [water, trash],
      method: 'dots',
      dotsPerPerson: 1,
      allowStacking: false,
    });
    await castVote(roundId, { dots: { [water]: 1 } });
    await closeRound(roundId, 'Se priorizó la falta de agua');
    expect((await processFields(id)).stage).toBe('prioritisation');

    const user = renderAt(`/processes/${id}`);
    const stepper = await screen.findByRole('list', { name: 'Etapas del proceso' });
    const steps = within(stepper).getAllByRole('listitem');
    await waitFor(() => expect(steps[0]).toHaveTextContent('Hecha')); // the assembly
    expect(steps[1]).toHaveTextContent('Saltada: sin evidencia'); // nobody in the Collective
    expect(steps[2]).toHaveTextContent('Saltada: sin evidencia'); // no tour
    expect(steps[3]).toHaveTextContent('Hecha'); // the problems voted on
    expect(steps[4]).toHaveAttribute('aria-current', 'step');
    expect(steps[4]).toHaveTextContent('Etapa actual');
    expect(steps[5]).not.toHaveTextContent(/Hecha|Saltada/);

    // Each skipped stage says what makes it done and how to record it.
    const skipped = screen.getByRole('region', { name: 'Etapas saltadas' });
    expect(skipped).toHaveTextContent(
      'Cuenta como hecha cuando el Colectivo de Planeación tiene integrantes.',
    );
    expect(skipped).toHaveTextContent(
      'Cuenta como hecha con una sesión de recorrido territorial registrada.',
    );
    expect(within(skipped).getByRole('link', { name: 'Ir al Colectivo de Planeación' })).toHaveAttribute(
      'href',
      '#collective-title',
    );

    // Recorded later with the assembly where the Collective formed: done, and the process stays at stage 5.
    await user.click(
      within(skipped).getByRole('button', { name: 'Registrar sesiones de respaldo de la etapa 2' }),
    );
    const form = screen.getByRole('form', { name: 'Respaldo de la etapa 2: Colectivo de Planeación' });
    await user.click(within(form).getByRole('button', { name: 'Guardar respaldo' }));
    expect(
      await within(form).findByText('Elige al menos una sesión que respalde la etapa.'),
    ).toBeInTheDocument();
    await user.click(within(form).getByRole('checkbox', { name: /Asamblea de priorización/ }));
    await user.click(within(form).getByRole('button', { name: 'Guardar respaldo' }));

    await waitFor(() => expect(steps[1]).toHaveTextContent('Hecha'));
    expect(steps[2]).toHaveTextContent('Saltada: sin evidencia');
    const stored = await processFields(id);
    expect(stored.stage).toBe('prioritisation');
    expect(stored.stageHistory?.at(-1)).toMatchObject({
      stage: 'collective',
      sessionIds: [sessionId],
      recordedLater: true,
    });
    expect(screen.getByRole('region', { name: 'Historial de etapas' })).toHaveTextContent(
      'respaldo registrado después',
    );
  });
});

describe('new session: defaults and follow-up', () => {
  it('starts from the last session (type, place) and updates earlier agreements with one tap', async () => {
    const processId = await createProcess({
      name: 'Colonia Guelatao',
      unitKeys: ['07-015'],
      stage: 'convening',
    });
    const earlier = aSession(processId, { type: 'community_assembly', place: 'Explanada de la parroquia' });
    const sessionId = await createSession(earlier);
    const user = renderAt(`/processes/${processId}/sessions/new`);

    expect(await screen.findByLabelText(/Tipo de sesión/)).toHaveValue('community_assembly');
    expect(screen.getByLabelText(/Lugar/)).toHaveValue('Explanada de la parroquia');
    const followUp = await screen.findByRole('region', { name: 'Seguimiento de acuerdos' });
    await waitFor(() => expect(followUp).toHaveTextContent('Convocar al recorrido territorial'));
    const group = within(followUp).getByRole('group', { name: /Convocar al recorrido territorial/ });
    await user.click(within(group).getByRole('button', { name: 'Cumplido' }));

    await waitFor(async () => {
      const stored = (await db.sessions.get(sessionId))?.fields as Session;
      expect(stored.agreements[0]?.status).toBe('done');
    });
    // A done agreement is no longer open, so there is nothing left to follow up.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Seguimiento de acuerdos' })).toBeNull());
  });
});
