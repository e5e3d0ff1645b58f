/** The Local Agenda screens over the real data layer (Dexie on fake-indexeddb), as a facilitator uses them. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/client/i18n';
import type { TequioDb } from '../../../src/client/data/db';
import { getProcess } from '../../../src/client/data/processes.repository';
import { writeLocal } from '../../../src/client/data/records.repository';
import { createAgendaDraft } from '../../../src/client/data/agenda.repository';
import { castVote } from '../../../src/client/data/ballots.repository';
import { closeRound, getRound } from '../../../src/client/data/prioritisation.repository';
import { AgendaPage } from '../../../src/client/features/agenda/agenda-page';
import { AgendaVersionPage } from '../../../src/client/features/agenda/version-page';
import { MinutesPage } from '../../../src/client/features/agenda/minutes-page';
import { SessionAgendaValidation } from '../../../src/client/features/agenda/session-agenda-validation';
import { unitIdFromKey, type EntityName, type Fields } from '../../../src/domain';
import { agendaWorld, LIGHTS, PROCESS, VALIDATION_ASSEMBLY } from '../../fixtures/agenda';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('agenda-ui', (opened) => (db = opened));

async function put(entity: EntityName, record: { id: string } & Fields) {
  const { id, ...fields } = record;
  await writeLocal(db, entity, id, { op: 'put', fields });
}

async function seedWorld() {
  const world = agendaWorld();
  await put('process', world.process);
  for (const unit of world.units) await put('territorialUnit', { id: unitIdFromKey(unit.key), ...unit });
  for (const s of world.sessions) await put('session', s);
  for (const p of world.problems) await put('problem', p);
  for (const r of world.rounds) await put('round', r);
  for (const b of world.ballots) await put('ballot', b);
  for (const v of world.visions) await put('visionStatement', v);
  for (const p of world.projects) await put('project', p);
  for (const a of world.governmentAreas) await put('governmentArea', a);
}

function ValidationRoute() {
  const { id = '' } = useParams();
  return <SessionAgendaValidation sessionId={id} processId={PROCESS} sessionType="community_assembly" />;
}

function RoundStub() {
  const { id = '' } = useParams();
  return <p>Boleta {id}</p>;
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/processes/:processId/agenda" element={<AgendaPage />} />
        <Route path="/agenda/:id" element={<AgendaVersionPage />} />
        <Route path="/sessions/:id" element={<ValidationRoute />} />
        <Route path="/sessions/:id/minutes" element={<MinutesPage />} />
        <Route path="/rounds/:id" element={<RoundStub />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('Local Agenda', () => {
  it('assembles a draft with the projects chosen and shows its document from the frozen content', async () => {
    await seedWorld();
    const user = renderAt(`/processes/${PROCESS}/agenda`);
    expect(await screen.findByText(/Aún no hay versiones/)).toBeInTheDocument();
    await user.click(await screen.findByRole('checkbox', { name: /Jornada de limpieza/ }));
    await user.type(screen.getByLabelText(/Qué cambia en esta versión/), 'Primera versión para la asamblea');
    await user.click(screen.getByRole('button', { name: 'Armar la Agenda' }));

    expect(await screen.findByText('Versión 1 armada en este dispositivo.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Agenda Local · Versión 1' }),
    ).toBeInTheDocument();
    const doc = screen.getByRole('article', { name: 'Aculco y San Lucas' });
    for (const heading of [
      'El territorio',
      'Colectivo de Planeación',
      'Autodiagnóstico',
      'Imaginarios: el barrio que queremos',
      'Proyectos y acciones',
    ])
      expect(within(doc).getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    expect(
      within(doc).getByText('Integrantes que aceptaron ser nombrados: Guadalupe Hernández, Juan Pérez.'),
    ).toBeInTheDocument();
    expect(within(doc).getByRole('link', { name: '2. Luminarias en el callejón' })).toHaveAttribute(
      'href',
      `/projects/${LIGHTS}`,
    );
    expect(within(doc).queryByText(/Jornada de limpieza/)).not.toBeInTheDocument();
    expect(within(doc).getAllByText('Borrador: aún no validado en asamblea comunitaria.')).toHaveLength(2);
    expect(
      await screen.findByRole('img', { name: /Mapa de las unidades territoriales: 07-001 Aculco/ }),
    ).toBeInTheDocument();
    expect(screen.getByText('4 proyectos y acciones')).toBeInTheDocument();
  });

  it('says in Spanish what is missing when the changelog is empty, and writes nothing', async () => {
    await seedWorld();
    const user = renderAt(`/processes/${PROCESS}/agenda`);
    await user.click(await screen.findByRole('button', { name: 'Armar la Agenda' }));
    expect(await screen.findByText('Este dato es obligatorio.')).toBeInTheDocument();
    expect(await db.agendaVersions.count()).toBe(0);
  });

  it('records the show of hands in the assembly: the version is validated and printed with its approval line', async () => {
    await seedWorld();
    const versionId = await createAgendaDraft(db, PROCESS, { changelog: 'Para la asamblea de diciembre' });
    const user = renderAt(`/sessions/${VALIDATION_ASSEMBLY}`);
    expect(await screen.findByText('Asistencia registrada en esta sesión: 22 personas.')).toBeInTheDocument();
    const increase = (label: string) => screen.getByRole('button', { name: `Sumar 1 a ${label}` });
    await user.clear(screen.getByLabelText('A favor'));
    await user.type(screen.getByLabelText('A favor'), '15');
    await user.type(screen.getByLabelText('En contra'), '3');
    await user.click(increase('Abstenciones'));
    await user.click(screen.getByRole('button', { name: 'Registrar la votación' }));

    expect(await screen.findByText(/Agenda aprobada: la versión 1 queda validada/)).toBeInTheDocument();
    expect(await screen.findByText(/a favor 15, en contra 3, abstenciones 1/)).toBeInTheDocument();
    await waitFor(async () => expect((await getProcess(db, PROCESS))!.stage).toBe('validation'));

    cleanup();
    renderAt(`/agenda/${versionId}`);
    const doc = await screen.findByRole('article', { name: 'Aculco y San Lucas' });
    expect(
      await within(doc).findAllByText(
        /^Aprobada en asamblea comunitaria el .*5.* dic.* 2026: a favor 15, en contra 3, abstenciones 1, asistentes 22\.$/,
      ),
    ).toHaveLength(2);
    expect(screen.getByText(/fue validada en asamblea y no se puede cambiar/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Volver a armar' })).not.toBeInTheDocument();
  });

  it('puts the Agenda to a pass-the-tablet vote and records its closed result as the validation', async () => {
    await seedWorld();
    const versionId = await createAgendaDraft(db, PROCESS, { changelog: 'Para la asamblea de diciembre' });
    const user = renderAt(`/sessions/${VALIDATION_ASSEMBLY}`);
    await user.click(
      await screen.findByRole('button', { name: 'Votar con boletas (pasar la tableta): versión 1' }),
    );
    expect(await screen.findByText(/^Boleta /)).toBeInTheDocument();
    const [round] = await db.rounds.where('fields.sessionId').equals(VALIDATION_ASSEMBLY).toArray();
    expect(round!.fields).toMatchObject({ agendaVersionId: versionId, dotsPerPerson: 1 });
    expect(screen.getByText(`Boleta ${round!.id}`)).toBeInTheDocument();

    const [yes, no] = (await getRound(db, round!.id))!.options.map((o) => o.problemId);
    for (const choice of [yes, yes, no]) await castVote(db, round!.id, { dots: { [choice!]: 1 } });
    cleanup();
    const again = renderAt(`/sessions/${VALIDATION_ASSEMBLY}`);
    expect(await screen.findByText(/La votación con boletas sigue abierta/)).toBeInTheDocument();
    await closeRound(db, round!.id, 'La asamblea votó la Agenda Local');

    expect(await screen.findByText('Versión 1 · a favor 2, en contra 1, abstenciones 0')).toBeInTheDocument();
    await again.click(await screen.findByRole('button', { name: 'Registrar el resultado' }));
    expect(await screen.findByText(/Agenda aprobada: la versión 1 queda validada/)).toBeInTheDocument();
    expect(await screen.findByText(/resultado registrado/)).toBeInTheDocument();
    await waitFor(async () => expect((await getProcess(db, PROCESS))!.stage).toBe('validation'));
  });

  it('corrects a miscounted show of hands with a reason: the correction supersedes it, both are kept', async () => {
    await seedWorld();
    await createAgendaDraft(db, PROCESS, { changelog: 'Para la asamblea de diciembre' });
    const user = renderAt(`/sessions/${VALIDATION_ASSEMBLY}`);
    await user.type(await screen.findByLabelText('A favor'), '15');
    await user.click(screen.getByRole('button', { name: 'Registrar la votación' }));
    await user.click(await screen.findByText('Corregir el conteo'));
    await user.click(screen.getByRole('button', { name: 'Guardar la corrección' }));
    expect(await screen.findByText('Este dato es obligatorio.')).toBeInTheDocument();
    expect(await db.agendaValidations.count()).toBe(1);

    const correction = screen.getByText('Corregir el conteo').closest('details')!;
    await user.type(
      within(correction).getByLabelText(/Motivo de la corrección/),
      'Se contó dos veces una mano',
    );
    const against = within(correction).getByLabelText('En contra');
    await user.clear(against);
    await user.type(against, '2');
    await user.click(screen.getByRole('button', { name: 'Guardar la corrección' }));

    expect(await screen.findByText(/a favor 15, en contra 2, abstenciones 0/)).toBeInTheDocument();
    expect(screen.getByText(/Corregida: Se contó dos veces una mano/)).toBeInTheDocument();
    expect(screen.getByText(/reemplazada por una corrección/)).toBeInTheDocument();
    expect(await db.agendaValidations.count()).toBe(2);
  });

  it('prints the minutes of a session: attendance by gender and age, agreements, votes', async () => {
    await seedWorld();
    renderAt(`/sessions/${VALIDATION_ASSEMBLY}/minutes`);
    const doc = await screen.findByRole('article', { name: /Minuta: Asamblea de arranque/ });
    expect(within(doc).getByText('Explanada de la parroquia')).toBeInTheDocument();
    const attendance = within(doc).getByRole('table', { name: 'Asistencia' });
    expect(within(attendance).getByRole('row', { name: /Mujeres 0 0 0 12 3 15/ })).toBeInTheDocument();
    expect(within(doc).getByRole('cell', { name: 'Convocar al recorrido territorial' })).toBeInTheDocument();
    // The session's type and each agreement's status in words, never as keys.
    expect(within(doc).getByText('Asamblea comunitaria')).toBeInTheDocument();
    expect(within(doc).getByRole('cell', { name: 'Pendiente' })).toBeInTheDocument();
    expect(within(doc).getByText('No hubo votaciones en esta sesión.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Imprimir' })).toBeInTheDocument();
  });

  it('speaks English when the interface is in English', async () => {
    await seedWorld();
    await setLanguage('en');
    try {
      const user = renderAt(`/processes/${PROCESS}/agenda`);
      await user.click(await screen.findByRole('button', { name: 'Assemble the Agenda' }));
      expect(await screen.findByText('What changes in this version')).toBeInTheDocument();
      expect(await screen.findByText('This is required.')).toBeInTheDocument();
    } finally {
      await setLanguage('es-MX');
    }
  });
});
