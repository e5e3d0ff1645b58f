/** Rubrics on one device (Dexie on fake-indexeddb): scoring a moment, the history, templates and their versions. */
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { DEFAULT_RUBRIC_TEMPLATES } from '../../../src/domain';
import { createProcess } from '../../../src/client/data/use-processes';
import { scoreRubric } from '../../../src/client/data/use-rubrics';
import type { TequioDb } from '../../../src/client/data/db';
import { writeLocal } from '../../../src/client/data/records.repository';
import { ProcessRubricHistory } from '../../../src/client/features/rubrics/process-rubric-history';
import { RubricAveragesPage } from '../../../src/client/features/rubrics/rubric-averages-page';
import { RubricTemplateEditorPage } from '../../../src/client/features/rubrics/rubric-template-editor-page';
import { RubricTemplatesPage } from '../../../src/client/features/rubrics/rubric-templates-page';
import { ScoreRubricPage } from '../../../src/client/features/rubrics/score-rubric-page';
import { onFreshSignedInDevice } from './signed-in-device';

let db: TequioDb;
onFreshSignedInDevice('rubrics-ui', (opened) => (db = opened));

const ASSEMBLY = DEFAULT_RUBRIC_TEMPLATES.find((t) => t.sessionType === 'community_assembly')!;

async function seedTemplates() {
  for (const { id, ...fields } of DEFAULT_RUBRIC_TEMPLATES)
    await writeLocal(db, 'rubricTemplate', id, { op: 'put', fields });
}

async function signInAs(role: 'coordinator' | 'facilitator') {
  const account = (await db.getMeta('account'))!;
  await db.setMeta('account', { ...account, user: { ...account.user, role } });
}

function renderAt(path: string, processId = '') {
  render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route path="/processes/:id" element={<ProcessRubricHistory processId={processId} />} />
        <Route path="/processes/:processId/rubrics/score" element={<ScoreRubricPage />} />
        <Route path="/rubrics" element={<RubricTemplatesPage />} />
        <Route path="/rubrics/new" element={<RubricTemplateEditorPage />} />
        <Route path="/rubrics/:id/edit" element={<RubricTemplateEditorPage />} />
        <Route path="/rubrics/averages" element={<RubricAveragesPage />} />
      </Routes>
    </MemoryRouter>,
  );
  return userEvent.setup();
}

describe('scoring a moment', () => {
  it('scores the self-diagnosis with the level buttons and shows it in the process history', async () => {
    await seedTemplates();
    const processId = await createProcess({
      name: 'San Lorenzo',
      unitKeys: ['07-101'],
      stage: 'self_diagnosis',
    });
    const user = renderAt(`/processes/${processId}`, processId);

    expect(await screen.findByText('Todavía no hay calificaciones de este proceso.')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Autodiagnóstico' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Calificar con rúbrica' }),
    ).toBeInTheDocument();
    expect(await screen.findByLabelText('Plantilla')).toHaveDisplayValue(
      'Momento 1: Autodiagnóstico (versión 1)',
    );

    // Saving with a criterion left unscored is refused, in Spanish, next to it.
    const problems = await screen.findByRole('radiogroup', { name: /Identificación de problemas/ });
    await user.click(within(problems).getByRole('radio', { name: /Nivel 3/ }));
    await user.click(screen.getByRole('button', { name: 'Guardar calificación' }));
    expect(
      await screen.findByText('Elige un nivel para «Análisis de causas y efectos».'),
    ).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: /Análisis de causas y efectos/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(await db.rubricScores.count()).toBe(0);

    const causes = screen.getByRole('radiogroup', { name: /Análisis de causas y efectos/ });
    const level2 = within(causes).getByRole('radio', { name: /Nivel 2/ });
    expect(level2).toHaveAccessibleName(/Se mencionan causas o efectos sueltos/);
    await user.click(level2);
    const evidence = screen.getByRole('radiogroup', { name: /Evidencia territorial/ });
    await user.click(within(evidence).getByRole('radio', { name: /Nivel 4/ }));
    await user.type(screen.getByLabelText('Comentario'), 'El colectivo ubicó los problemas en el mapa.');
    await user.click(screen.getByRole('button', { name: 'Agregar entrevista grupal' }));
    await user.type(
      screen.getByLabelText(/Notas de la entrevista/),
      'Vecinas del mercado hablaron del agua.',
    );
    await user.type(screen.getByLabelText('Número de participantes'), '8');
    await user.click(screen.getByRole('button', { name: 'Guardar calificación' }));

    expect(await screen.findByText(/Calificación guardada en este dispositivo/)).toBeInTheDocument();
    const history = screen.getByRole('region', { name: 'Rúbricas' });
    expect(
      await within(history).findByRole('heading', { level: 4, name: 'Autodiagnóstico' }),
    ).toBeInTheDocument();
    expect(history).toHaveTextContent('Momento 1: Autodiagnóstico, versión 1');
    expect(history).toHaveTextContent('Nivel promedio: 3.0 de 4');
    expect(history).toHaveTextContent('Análisis de causas y efectos: nivel 2');
    expect(history).toHaveTextContent('El colectivo ubicó los problemas en el mapa.');
    expect(history).toHaveTextContent('1 nota de entrevista');
    expect(within(history).getByRole('figure')).toHaveTextContent(/Autodiagnóstico: 3.0 de 4/);

    const [row] = await db.rubricScores.toArray();
    expect(row?.fields).toMatchObject({
      processId,
      target: 'moment',
      moment: 'self_diagnosis',
      levels: { problemas: 3, causas: 2, evidencia: 4 },
      scoredBy: 'user-1',
      interviews: [{ kind: 'group', text: 'Vecinas del mercado hablaron del agua.', participants: 8 }],
    });
  });
});

describe('templates', () => {
  it('hides editing from facilitators', async () => {
    await seedTemplates();
    renderAt('/rubrics');
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Asamblea comunitaria' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nueva plantilla' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Editar/ })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Promedios' })).toBeInTheDocument();
  });

  it('an edit creates version 2 while an old score still shows version 1', async () => {
    await signInAs('coordinator');
    await seedTemplates();
    const processId = await createProcess({ name: 'Santa Cruz', unitKeys: ['07-102'], stage: 'convening' });
    await scoreRubric({
      processId,
      templateId: ASSEMBLY.id,
      target: 'moment',
      moment: 'self_diagnosis',
      levels: { convocatoria: 2, participacion: 2, acuerdos: 3, deliberacion: 1 },
    });

    const user = renderAt('/rubrics');
    const editLink = await screen.findByRole('link', { name: 'Editar Asamblea comunitaria' });
    const card = editLink.closest('li')!;
    expect(card).toHaveTextContent('Versión 1');
    expect(card).toHaveTextContent(
      'Guardar crea la versión 2; las calificaciones anteriores conservan su versión.',
    );
    await user.click(editLink);

    const name = await screen.findByRole('textbox', { name: 'Nombre' });
    await waitFor(() => expect(name).toHaveValue('Asamblea comunitaria'));
    await user.clear(name);
    await user.type(name, 'Asamblea comunitaria ampliada');
    await user.click(screen.getByRole('button', { name: 'Quitar criterio 4' }));
    await user.click(screen.getByRole('button', { name: 'Guardar versión 2' }));

    expect(
      await screen.findByText('Versión 2 de «Asamblea comunitaria ampliada» guardada en este dispositivo.'),
    ).toBeInTheDocument();
    const newCard = (
      await screen.findByRole('heading', { level: 3, name: 'Asamblea comunitaria ampliada' })
    ).closest('li')!;
    expect(newCard).toHaveTextContent('Versión 2');
    expect(newCard).toHaveTextContent('3 criterios');
    expect(screen.queryByRole('heading', { level: 3, name: 'Asamblea comunitaria' })).not.toBeInTheDocument();

    const versions = (await db.rubricTemplates.where('fields.family').equals(ASSEMBLY.family).toArray()).map(
      (r) => [r.fields.version, r.fields.name],
    );
    expect(versions).toEqual(
      expect.arrayContaining([
        [1, 'Asamblea comunitaria'],
        [2, 'Asamblea comunitaria ampliada'],
      ]),
    );

    // The process history still reads the old score against version 1.
    cleanup();
    renderAt(`/processes/${processId}`, processId);
    const history = await screen.findByRole('region', { name: 'Rúbricas' });
    await waitFor(() => expect(history).toHaveTextContent('Asamblea comunitaria, versión 1'));
    expect(history).toHaveTextContent('Deliberación: nivel 1');
  });

  it('refuses a criterion without its four level descriptors, in Spanish', async () => {
    await signInAs('coordinator');
    const user = renderAt('/rubrics/new');
    await user.type(await screen.findByRole('textbox', { name: 'Nombre' }), 'Radio bocina');
    await user.selectOptions(screen.getByLabelText(/Tipo de sesión/), 'Radio bocina');
    await user.type(screen.getByLabelText(/Nombre del criterio/), 'Alcance');
    await user.click(screen.getByRole('button', { name: 'Crear plantilla' }));
    expect(await screen.findByText('No se guardó: revisa los campos marcados en rojo.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Descripción del nivel 1/)).toHaveAttribute('aria-invalid', 'true');
    expect(await db.rubricTemplates.count()).toBe(0);
  });
});

describe('averages', () => {
  it('shows averages by moment, directorate and criterion with their counts', async () => {
    await seedTemplates();
    const processId = await createProcess({
      name: 'Culhuacán',
      unitKeys: ['07-103'],
      stage: 'self_diagnosis',
    });
    const self = DEFAULT_RUBRIC_TEMPLATES.find((t) => t.moment === 'self_diagnosis')!;
    for (const level of [2, 3])
      await scoreRubric({
        processId,
        templateId: self.id,
        target: 'moment',
        moment: 'self_diagnosis',
        levels: Object.fromEntries(self.criteria.map((c) => [c.id, level])),
      });
    renderAt('/rubrics/averages');
    const byMoment = await screen.findByRole('table', { name: 'Por momento' });
    await waitFor(() =>
      expect(within(byMoment).getByRole('row', { name: /Autodiagnóstico/ })).toHaveTextContent('2.5 de 4'),
    );
    expect(within(byMoment).getByRole('row', { name: /Autodiagnóstico/ })).toHaveTextContent(/2$/);
    const byDirectorate = screen.getByRole('table', { name: 'Por dirección territorial' });
    expect(byDirectorate).toHaveTextContent('Sin dirección territorial');
    const byCriterion = screen.getByRole('table', { name: 'Por criterio' });
    expect(within(byCriterion).getByRole('row', { name: /Evidencia territorial/ })).toHaveTextContent(
      '2.5 de 4',
    );
  });
});
