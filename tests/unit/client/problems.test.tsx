/** Self-diagnosis screens over the real data layer (Dexie on fake-indexeddb), as a facilitator uses them. */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { createProblem, mergeProblem } from '../../../src/client/data/use-problems';
import { createProcess } from '../../../src/client/data/use-processes';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { newId } from '../../../src/domain';
import { ProblemFormPage } from '../../../src/client/features/problems/problem-form-page';
import { ProblemsPage } from '../../../src/client/features/problems/problems-page';
import { ProcessProblemsSummary } from '../../../src/client/features/problems/process-problems-summary';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('problems-ui', (opened) => (db = opened));

function renderAt(path: string, onDirtyChange?: (dirty: boolean) => void) {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/summary/:processId" element={<SummaryRoute />} />
        <Route path="/processes/:processId/problems" element={<ProblemsPage />} />
        <Route
          path="/processes/:processId/problems/new"
          element={<ProblemFormPage onDirtyChange={onDirtyChange} />}
        />
        <Route path="/problems/:id" element={<ProblemFormPage onDirtyChange={onDirtyChange} />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

/** The summary as the process page mounts it, with the process id from the route. */
function SummaryRoute() {
  return <ProcessProblemsSummary processId={useParams().processId ?? ''} />;
}

async function aProcess() {
  return createProcess({
    name: 'Colonia Santa Cruz Meyehualco',
    unitKeys: ['07-001'],
    stage: 'self_diagnosis',
  });
}

describe('self-diagnosis', () => {
  it('records a problem with a cause and evidence, and lists it under its thematic area', async () => {
    const processId = await aProcess();
    const noteId = newId();
    await writeLocal(db, 'tourNote', noteId, {
      op: 'put',
      fields: {
        processId,
        sessionId: newId(),
        theme: 'environment',
        description: 'Tiradero clandestino junto al canal',
        severity: 'high',
        takenAt: '2026-11-20T16:00:00.000Z',
        photos: [{ sha256: 'a'.repeat(64), mime: 'image/jpeg' }],
      },
    });
    const dirty: boolean[] = [];
    const user = renderAt(`/processes/${processId}/problems/new`, (d) => dirty.push(d));

    await user.type(await screen.findByLabelText(/Título del problema/), 'Basura acumulada en el canal');
    await user.selectOptions(screen.getByLabelText(/Área temática/), 'Medio ambiente');
    await user.click(screen.getByRole('button', { name: 'Agregar causa' }));
    await user.type(screen.getByLabelText(/Causa 1/), 'No pasa el camión de basura');
    const evidence = await screen.findByRole('checkbox', { name: /Tiradero clandestino junto al canal/ });
    expect(evidence).toHaveAccessibleName(/Medio ambiente · Gravedad: alta · 1 foto/);
    await user.click(evidence);
    expect(dirty.at(-1)).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Guardar problema' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Problemas del autodiagnóstico' }),
    ).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Problema guardado en este dispositivo.'),
    );
    expect(dirty.at(-1)).toBe(false);
    // The list is read from the device after the page heading shows: wait for it.
    const area = await screen.findByRole('region', { name: 'Medio ambiente (1)' });
    const card = within(area).getByRole('link', { name: /Basura acumulada en el canal/ });
    expect(card).toHaveTextContent('1 causa · 0 efectos · 1 evidencia');

    const [stored] = await db.problems.toArray();
    expect(stored?.fields).toMatchObject({
      processId,
      title: 'Basura acumulada en el canal',
      theme: 'environment',
      causes: ['No pasa el camión de basura'],
      effects: [],
      noteIds: [noteId],
    });
    const outbox = await db.outbox.toArray();
    expect(outbox.filter((m) => m.entity === 'problem')).toHaveLength(1);
  });

  it('refuses a too-short title in Spanish, next to the field, and saves nothing', async () => {
    const processId = await aProcess();
    const user = renderAt(`/processes/${processId}/problems/new`);
    expect(await screen.findByText('Aún no hay notas de recorrido en este proceso.')).toBeVisible();
    await user.type(screen.getByLabelText(/Título del problema/), 'Ya');
    await user.selectOptions(screen.getByLabelText(/Área temática/), 'Agua');
    await user.click(screen.getByRole('button', { name: 'Guardar problema' }));

    const title = screen.getByLabelText(/Título del problema/);
    await waitFor(() => expect(title).toHaveAccessibleDescription('Escribe al menos 3 caracteres.'));
    await waitFor(() => expect(title).toHaveFocus());
    expect(screen.getByRole('alert')).toHaveTextContent('No se guardó: revisa los campos marcados en rojo.');
    expect(await db.problems.count()).toBe(0);
  });

  it('merges two problems after confirmation and lists the absorbed one as merged', async () => {
    const processId = await aProcess();
    const survivor = await createProblem({
      processId,
      title: 'Calles sin alumbrado',
      theme: 'safety',
      causes: ['Luminarias fundidas'],
    });
    await createProblem({
      processId,
      title: 'Parque a oscuras',
      theme: 'safety',
      causes: ['Cables robados'],
      effects: ['Asaltos de noche'],
    });
    const user = renderAt(`/problems/${survivor}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Calles sin alumbrado' })).toBeVisible();
    await user.selectOptions(
      await screen.findByLabelText('Problema que se fusiona en este'),
      'Parque a oscuras (Seguridad)',
    );
    await user.click(screen.getByRole('button', { name: 'Fusionar…' }));
    const dialog = screen.getByRole('dialog', { name: '¿Fusionar problemas?' });
    expect(dialog).toHaveTextContent('«Parque a oscuras» pasará a formar parte de «Calles sin alumbrado»');
    await user.click(within(dialog).getByRole('button', { name: 'Fusionar' }));

    expect(await screen.findByText('Problemas fusionados.')).toBeVisible();
    // The message comes as the merge is stored; the list follows from the device database.
    const safety = await screen.findByRole('region', { name: 'Seguridad (1)' });
    expect(within(safety).getByRole('link', { name: /Calles sin alumbrado/ })).toHaveTextContent(
      '2 causas · 1 efecto · 0 evidencias',
    );
    const merged = await screen.findByRole('region', { name: 'Problemas fusionados' });
    await waitFor(() =>
      expect(merged).toHaveTextContent('Parque a oscuras — Fusionado en «Calles sin alumbrado»'),
    );

    // The absorbed problem opens read-only, pointing at the one it lives in.
    await user.click(within(merged).getByRole('link', { name: 'Parque a oscuras' }));
    expect(await screen.findByText(/Este problema se fusionó en «Calles sin alumbrado»/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Guardar cambios' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Abrir «Calles sin alumbrado»' }));
    expect(await screen.findByRole('button', { name: 'Guardar cambios' })).toBeVisible();
    expect(await screen.findByText('No hay otros problemas de este proceso para fusionar.')).toBeVisible();
  });

  it('an edit writes only what changed, and merging waits while the edit is unsaved', async () => {
    const processId = await aProcess();
    const id = await createProblem({
      processId,
      title: 'Fugas de agua',
      theme: 'water',
      effects: ['Calles encharcadas'],
    });
    await createProblem({ processId, title: 'Agua turbia', theme: 'water' });
    const user = renderAt(`/problems/${id}`);

    const title = await screen.findByLabelText(/Título del problema/);
    await waitFor(() => expect(title).toHaveValue('Fugas de agua'));
    expect(screen.getByLabelText(/Efecto 1/)).toHaveValue('Calles encharcadas');
    await user.type(title, ' en la calle 5');
    await user.selectOptions(
      await screen.findByLabelText('Problema que se fusiona en este'),
      'Agua turbia (Agua)',
    );
    expect(screen.getByRole('button', { name: 'Fusionar…' })).toBeDisabled();
    expect(screen.getByText('Guarda o cancela tus cambios antes de fusionar.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Guardar cambios' }));

    expect(await screen.findByText('Cambios guardados en este dispositivo.')).toBeVisible();
    const last = await db.outbox.orderBy('id').last();
    expect(last).toMatchObject({ entity: 'problem', recordId: id, op: 'put' });
    expect(last?.op === 'put' && last.fields).toEqual({ title: 'Fugas de agua en la calle 5' });
  });

  it('summarises the process problems by area without counting merged ones', async () => {
    const processId = await aProcess();
    const a = await createProblem({ processId, title: 'Fugas de agua', theme: 'water' });
    await createProblem({ processId, title: 'Agua turbia', theme: 'water' });
    await createProblem({ processId, title: 'Sin ciclovía', theme: 'mobility' });
    const b = await createProblem({ processId, title: 'Tuberías rotas', theme: 'water' });
    await mergeProblem(a, b);
    renderAt(`/summary/${processId}`);

    const section = await screen.findByRole('region', { name: 'Autodiagnóstico' });
    await waitFor(() => expect(section).toHaveTextContent('3 problemas identificados'));
    const areas = within(section).getByRole('list', { name: 'Problemas por área temática' });
    expect(
      within(areas)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Agua: 2', 'Movilidad: 1']);
    expect(within(section).getByRole('link', { name: 'Ver problemas' })).toHaveAttribute(
      'href',
      `/processes/${processId}/problems`,
    );
    expect(within(section).getByRole('link', { name: 'Nuevo problema' })).toHaveAttribute(
      'href',
      `/processes/${processId}/problems/new`,
    );
  });
});
