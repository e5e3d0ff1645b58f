/** Voting in the assembly on one tablet, over the real data layer (Dexie on fake-indexeddb). */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { castVote, createRound } from '../../../src/client/data/use-prioritisation';
import { createProcess } from '../../../src/client/data/use-processes';
import { createSession } from '../../../src/client/data/use-sessions';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { newId } from '../../../src/domain';
import { NewRoundPage } from '../../../src/client/features/prioritisation/new-round-page';
import { RoundPage } from '../../../src/client/features/prioritisation/round-page';
import { SessionRounds } from '../../../src/client/features/prioritisation/session-rounds';
import { aProcess, aSession } from '../../fixtures/sessions';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('prioritisation-ui', (opened) => (db = opened));

async function aProblem(processId: string, title: string): Promise<string> {
  const id = newId();
  await writeLocal(db, 'problem', id, { op: 'put', fields: { processId, title, theme: 'water' } });
  return id;
}

/** A process, its assembly (22 attending) and three problems. */
async function setUp() {
  const processId = await createProcess(aProcess({ stage: 'self_diagnosis' }));
  const sessionId = await createSession(aSession(processId));
  const water = await aProblem(processId, 'Falta de agua');
  const trash = await aProblem(processId, 'Basura en la barranca');
  const lights = await aProblem(processId, 'Calles sin luz');
  return { processId, sessionId, water, trash, lights };
}

async function dotsRound() {
  const ctx = await setUp();
  const roundId = await createRound(ctx.sessionId, {
    title: 'Prioridades del barrio',
    problemIds: [ctx.water, ctx.trash, ctx.lights],
    method: 'dots',
    dotsPerPerson: 3,
    allowStacking: true,
  });
  return { ...ctx, roundId };
}

function renderAt(path: string) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/rounds/:id" element={<RoundPage />} />
        <Route path="/sessions/:sessionId/rounds/new" element={<NewRoundPage />} />
        <Route path="/sessions/:id" element={<p>Sesión</p>} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('pass the tablet', () => {
  it('stores two private dot ballots, clearing the screen between people, then shows a tie', async () => {
    const { roundId } = await dotsRound();
    const user = renderAt(`/rounds/${roundId}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Prioridades del barrio' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Pasar la tableta' })).toHaveAttribute('aria-selected', 'true');

    // First person: two dots on water, one on trash.
    const addWater = screen.getByRole('button', { name: 'Poner un punto en Falta de agua' });
    await user.click(addWater);
    await user.click(addWater);
    await user.click(screen.getByRole('button', { name: 'Poner un punto en Basura en la barranca' }));
    expect(screen.getByText('Te quedan 0 puntos')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Poner un punto en Calles sin luz' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Emitir voto' }));

    expect(
      await screen.findByText('Voto registrado (núm. 1). Pasa la tableta a la siguiente persona.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Voto registrado (núm. 1)');
    // The previous choices are no longer on screen: only the confirmation and the count.
    expect(screen.queryByRole('button', { name: /Poner un punto/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/2 puntos/)).not.toBeInTheDocument();
    expect(await screen.findByText('1 boleta registrada en esta votación')).toBeInTheDocument();

    // Second person: a clean ballot.
    await user.click(screen.getByRole('button', { name: 'Siguiente voto' }));
    expect(screen.getByText('Te quedan 3 puntos')).toBeInTheDocument();
    expect(screen.getAllByText('0 puntos')).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Emitir voto' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Poner un punto en Basura en la barranca' }));
    await user.click(screen.getByRole('button', { name: 'Poner un punto en Calles sin luz' }));
    await user.click(screen.getByRole('button', { name: 'Emitir voto' }));
    expect(await screen.findByText(/Voto registrado \(núm\. 2\)/)).toBeInTheDocument();
    expect(await screen.findByText('2 boletas registradas en esta votación')).toBeInTheDocument();

    const stored = await db.ballots.toArray();
    expect(stored.map((b) => b.fields.kind)).toEqual(['vote', 'vote']);

    // Results: water 2 and trash 2 share first place, lights third.
    await user.click(screen.getByRole('tab', { name: 'Resultados' }));
    expect(await screen.findByRole('heading', { name: 'Resultados en vivo' })).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^1 Empate\s*Basura en la barranca2/),
      expect.stringMatching(/^1 Empate\s*Falta de agua2/),
      expect.stringMatching(/^3Calles sin luz1/),
    ]);
    expect(screen.getByText('2 participantes')).toBeInTheDocument();
    expect(screen.getByText(/^Votaron 2 de 22 asistentes \(9\s?%\)$/)).toBeInTheDocument();
    const chart = screen.getByRole('list', { name: 'Gráfica de resultados' });
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Basura en la barranca2', 'Falta de agua2', 'Calles sin luz1']);
  });

  it('the tabs work with the keyboard', async () => {
    const { roundId } = await dotsRound();
    const user = renderAt(`/rounds/${roundId}`);
    const first = await screen.findByRole('tab', { name: 'Pasar la tableta' });
    // The page first moves focus to its heading (announced to screen readers); the user goes on from there.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Conteo del pizarrón' })).toHaveFocus();
    await waitFor(() =>
      expect(screen.getByRole('tabpanel')).toHaveTextContent('Personas que pusieron puntos'),
    );
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Resultados' })).toHaveAttribute('aria-selected', 'true');
  });
});

describe('board count', () => {
  it("a recount from the same screen replaces this tablet's previous count", async () => {
    const { roundId } = await dotsRound();
    const user = renderAt(`/rounds/${roundId}`);
    await user.click(await screen.findByRole('tab', { name: 'Conteo del pizarrón' }));
    const water = await screen.findByLabelText('Puntos de Falta de agua');
    await user.type(water, '5');
    await user.type(screen.getByLabelText('Personas que pusieron puntos'), '3');
    await user.click(screen.getByRole('button', { name: 'Guardar conteo' }));
    expect(await screen.findByText('Conteo guardado en este dispositivo.')).toBeInTheDocument();

    // The screen now holds the saved count; correcting it writes a recount.
    await user.click(await screen.findByRole('button', { name: 'Guardar recuento' }));
    expect(
      await screen.findByText('Recuento guardado en este dispositivo: reemplaza al conteo anterior.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Puntos de Falta de agua')).toHaveValue('5');
    await user.click(screen.getByRole('button', { name: 'Restar 1 a Puntos de Falta de agua' }));
    await user.click(screen.getByRole('button', { name: 'Guardar recuento' }));

    await user.click(screen.getByRole('tab', { name: 'Resultados' }));
    expect(await screen.findByText('3 participantes')).toBeInTheDocument();
    // The second recount may still be on its way to the device database: wait for it.
    expect(await screen.findByText('2 conteos corregidos (cuenta solo la corrección).')).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/^1Falta de agua4100\s?%$/);
    const tallies = (await db.ballots.toArray()).map((b) => b.fields);
    expect(tallies.map((b) => [b.kind, Boolean(b.supersedes)])).toEqual([
      ['tally', false],
      ['tally', true],
      ['tally', true],
    ]);
  });
});

describe('results', () => {
  it('annuls a ballot with a required reason, and the result changes', async () => {
    const { roundId, water, trash } = await dotsRound();
    await castVote(roundId, { dots: { [water]: 3 } });
    await castVote(roundId, { dots: { [trash]: 1 } });
    const user = renderAt(`/rounds/${roundId}`);
    await user.click(await screen.findByRole('tab', { name: 'Resultados' }));
    expect(await screen.findByText('2 participantes')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'Anular Boleta núm. 1' }));
    const dialog = screen.getByRole('dialog', { name: '¿Anular Boleta núm. 1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sí, anular' }));
    expect(within(dialog).getByText('Escribe el motivo (al menos 3 caracteres).')).toBeInTheDocument();
    expect(await db.ballots.count()).toBe(2);

    await user.type(within(dialog).getByLabelText(/Motivo de la anulación/), 'Votó dos veces');
    await user.click(within(dialog).getByRole('button', { name: 'Sí, anular' }));
    expect(await screen.findByText('Se anuló Boleta núm. 1.')).toBeInTheDocument();
    expect(await screen.findByText('1 participante')).toBeInTheDocument();
    expect(screen.getByText('1 boleta anulada (no cuenta).')).toBeInTheDocument();
    // The list of ballots is read apart from the result: wait for it too.
    expect(await screen.findByText(/Anulada: Votó dos veces/)).toBeInTheDocument();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent(/^1Basura en la barranca1100\s?%$/);
    expect(screen.queryByRole('button', { name: 'Anular Boleta núm. 1' })).not.toBeInTheDocument();
    const annulment = (await db.ballots.toArray()).find((b) => b.fields.kind === 'annulment');
    expect(annulment?.fields).toMatchObject({ reason: 'Votó dos veces' });
  });

  it('shows whole percentages that add up to 100, and says so when ties keep them from it', async () => {
    const { roundId, water, trash, lights } = await dotsRound();
    // 4, 3 and 2 dots of 9: 44.4 %, 33.3 %, 22.2 % — the missing point goes to the largest remainder.
    await castVote(roundId, { dots: { [water]: 3 } });
    await castVote(roundId, { dots: { [water]: 1, [trash]: 2 } });
    await castVote(roundId, { dots: { [trash]: 1, [lights]: 2 } });
    const user = renderAt(`/rounds/${roundId}`);
    await user.click(await screen.findByRole('tab', { name: 'Resultados' }));
    expect(await screen.findByRole('columnheader', { name: 'Porcentaje del total' })).toBeInTheDocument();
    const shares = () =>
      within(screen.getByRole('table'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.lastElementChild?.textContent?.replace(/\s/g, ''));
    await waitFor(() => expect(shares()).toEqual(['45%', '33%', '22%']));
    expect(screen.queryByText(/Los porcentajes están redondeados/)).not.toBeInTheDocument();

    // One more dot for lights: 4, 3, 3 of 10 — exact. Then one for trash: 4, 4, 3 of 11 — a tie
    // at 36.4 % that cannot take the missing point without splitting it: 36, 36, 27, marked as rounded.
    await castVote(roundId, { dots: { [lights]: 1 } });
    await waitFor(() => expect(shares()).toEqual(['40%', '30%', '30%']));
    await castVote(roundId, { dots: { [trash]: 1 } });
    await waitFor(() => expect(shares()).toEqual(['36%', '36%', '27%']));
    expect(
      screen.getByText('Los porcentajes están redondeados, por eso pueden no sumar 100 %.'),
    ).toBeInTheDocument();
  });

  it('closes the round with the agreement worded in Spanish', async () => {
    const { roundId, sessionId, processId, water, trash } = await dotsRound();
    await castVote(roundId, { dots: { [water]: 2, [trash]: 1 } });
    const user = renderAt(`/rounds/${roundId}`);
    await user.click(await screen.findByRole('tab', { name: 'Resultados' }));
    await user.click(await screen.findByRole('button', { name: 'Cerrar votación' }));
    await user.click(
      within(screen.getByRole('dialog', { name: '¿Cerrar la votación?' })).getByRole('button', {
        name: 'Sí, cerrar',
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Resultado final' })).toBeInTheDocument();
    // The results and the page's tabs read the round apart; wait for the tabs to go too.
    await waitFor(() => expect(screen.queryByRole('tab')).not.toBeInTheDocument());
    const session = (await db.sessions.get(sessionId))!.fields as { agreements: { text: string }[] };
    expect(session.agreements.at(-1)?.text).toBe(
      'Prioridades de «Prioridades del barrio»: 1. Falta de agua (2 puntos); 2. Basura en la barranca (1 punto); 3. Calles sin luz (0 puntos)',
    );
    expect((await db.processes.get(processId))!.fields.stage).toBe('prioritisation');
  });
});

describe('new round', () => {
  it('needs at least two problems, then opens a dot vote and goes to it', async () => {
    const { sessionId } = await setUp();
    const user = renderAt(`/sessions/${sessionId}/rounds/new`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Nueva votación' })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: /Puntos \(stickers\)/ })).toBeChecked();
    expect(screen.getByLabelText(/Puntos por persona/)).toHaveValue(3);
    await user.click(screen.getByRole('checkbox', { name: 'Falta de agua' }));
    await user.click(screen.getByRole('checkbox', { name: 'Calles sin luz' }));
    await user.click(screen.getByRole('button', { name: 'Abrir votación' }));
    expect(await screen.findByText('Elige al menos dos problemas.')).toBeInTheDocument();
    expect(await db.rounds.count()).toBe(0);

    await user.click(screen.getByRole('checkbox', { name: 'Calles sin luz' }));
    await user.click(screen.getByRole('radio', { name: /Calificación por criterios/ }));
    expect(screen.getAllByLabelText(/Nombre del criterio/).map((i) => (i as HTMLInputElement).value)).toEqual(
      ['Urgencia', 'Impacto', 'Factibilidad'],
    );
    await user.click(screen.getByRole('radio', { name: /Puntos \(stickers\)/ }));
    await user.click(screen.getByRole('button', { name: 'Abrir votación' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Priorización de problemas' }),
    ).toBeInTheDocument();
    const [round] = await db.rounds.toArray();
    expect(round?.fields).toMatchObject({
      method: 'dots',
      dotsPerPerson: 3,
      allowStacking: true,
      status: 'open',
    });
    expect((round?.fields.options as unknown[]).length).toBe(2);
  });

  it('the session section explains that a vote needs two problems', async () => {
    const processId = await createProcess(aProcess());
    const sessionId = await createSession(aSession(processId));
    await aProblem(processId, 'Falta de agua');
    render(
      <MemoryRouter>
        <SessionRounds sessionId={sessionId} processId={processId} />
      </MemoryRouter>,
    );
    expect(
      await screen.findByText('Para votar hacen falta al menos dos problemas; este proceso tiene 1.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Registrar un problema' })).toHaveAttribute(
      'href',
      `/processes/${processId}/problems/new`,
    );
    await waitFor(() =>
      expect(screen.queryByRole('link', { name: 'Nueva votación' })).not.toBeInTheDocument(),
    );
  });
});
