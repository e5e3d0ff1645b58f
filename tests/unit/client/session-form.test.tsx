import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedFields, emptyAttendance, sessionSchema, type Session } from '../../../src/domain';
import { setLanguage } from '../../../src/client/i18n';
import { SessionForm } from '../../../src/client/features/sessions/session-form';
import {
  newSessionValues,
  sessionToFormValues,
  type SessionFormValues,
} from '../../../src/client/features/sessions/session-form-values';

// No global test APIs here, so Testing Library cannot unmount by itself.
afterEach(cleanup);

const PROCESS_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function renderForm(defaults: SessionFormValues = newSessionValues(PROCESS_ID, 'Ana López')) {
  const onSubmit = vi.fn<(session: Session) => Promise<void>>(async () => undefined);
  const onDirtyChange = vi.fn<(dirty: boolean) => void>();
  render(
    <MemoryRouter>
      <SessionForm
        defaultValues={defaults}
        submitLabel="Guardar sesión"
        cancelTo="/"
        onSubmit={onSubmit}
        onDirtyChange={onDirtyChange}
      />
    </MemoryRouter>,
  );
  return { onSubmit, onDirtyChange, user: userEvent.setup() };
}

const save = () => screen.getByRole('button', { name: 'Guardar sesión' });

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByLabelText(/Tipo de sesión/), 'Asamblea comunitaria');
  await user.type(screen.getByLabelText(/Título/), 'Asamblea de arranque');
  await user.type(screen.getByLabelText(/Lugar/), 'Explanada de la colonia');
}

describe('session form', () => {
  it('starts with today, the signed-in facilitator and an empty grid', () => {
    renderForm();
    expect(screen.getByLabelText('Facilitador/a 1')).toHaveValue('Ana López');
    expect(screen.getByLabelText(/Fecha/)).toHaveValue(newSessionValues(PROCESS_ID, undefined).date);
    expect(screen.getByRole('status')).toHaveTextContent('Total: 0 asistentes');
  });

  it('refuses empty input with Spanish messages next to each field and focuses the first one', async () => {
    const { user, onSubmit } = renderForm();
    await user.clear(screen.getByLabelText(/Fecha/));
    await user.click(save());
    const type = screen.getByLabelText(/Tipo de sesión/);
    await waitFor(() => expect(type).toHaveFocus());
    expect(type).toHaveAccessibleDescription(/Elige una opción de la lista/);
    expect(screen.getByLabelText(/Título/)).toHaveAccessibleDescription('Este dato es obligatorio.');
    expect(screen.getByLabelText(/Lugar/)).toHaveAccessibleDescription('Este dato es obligatorio.');
    expect(screen.getByLabelText(/Fecha/)).toHaveAccessibleDescription('Este dato es obligatorio.');
    expect(screen.getByRole('alert')).toHaveTextContent('No se guardó: revisa los campos marcados en rojo.');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('explains too-short text, a missing facilitator and counts above the total', async () => {
    const { user, onSubmit } = renderForm();
    await fillValid(user);
    await user.clear(screen.getByLabelText(/Título/));
    await user.type(screen.getByLabelText(/Título/), 'Ab');
    await user.click(screen.getByRole('button', { name: 'Quitar a Ana López' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Jóvenes' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Personas indígenas' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Personas indígenas' }));
    await user.click(save());
    expect(await screen.findByText('Escribe al menos 3 caracteres.')).toBeInTheDocument();
    expect(screen.getByText('Agrega al menos 1.')).toBeInTheDocument();
    expect(screen.getByLabelText('Personas indígenas')).toHaveAccessibleDescription(
      'No puede ser mayor que el total de asistentes.',
    );
    await waitFor(() => expect(screen.getByLabelText(/Título/)).toHaveFocus());
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('requires the text and responsible of each agreement', async () => {
    const { user, onSubmit } = renderForm();
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Agregar acuerdo' }));
    const agreement = screen.getByRole('group', { name: 'Acuerdo 1' });
    await waitFor(() => expect(within(agreement).getByLabelText(/¿Qué se acordó\?/)).toHaveFocus());
    await user.click(save());
    expect(await within(agreement).findAllByText('Este dato es obligatorio.')).toHaveLength(2);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves valid input as a session that satisfies the domain schema', async () => {
    const { user, onSubmit, onDirtyChange } = renderForm();
    await fillValid(user);
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
    await user.click(screen.getByRole('button', { name: 'Agregar facilitador/a' }));
    await user.type(screen.getByLabelText('Facilitador/a 2'), 'Luis Pérez');
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Personas adultas' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Personas adultas' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Hombres, Personas adultas mayores' }));
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Personas con discapacidad' }));
    await user.click(screen.getByRole('button', { name: 'Agregar acuerdo' }));
    const agreement = screen.getByRole('group', { name: 'Acuerdo 1' });
    await user.type(within(agreement).getByLabelText(/¿Qué se acordó\?/), 'Limpiar el parque el sábado');
    await user.type(within(agreement).getByLabelText(/Responsable/), 'Colectivo de planeación');
    await user.type(screen.getByLabelText('Notas'), '  Hubo mucha participación.');
    await user.click(save());

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    const session = onSubmit.mock.calls[0]![0];
    expect(sessionSchema.safeParse(session).success).toBe(true);
    expect(session).toMatchObject({
      processId: PROCESS_ID,
      type: 'community_assembly',
      title: 'Asamblea de arranque',
      place: 'Explanada de la colonia',
      facilitators: ['Ana López', 'Luis Pérez'],
      notes: '  Hubo mucha participación.',
    });
    expect(session.attendance.counts.women.adults).toBe(2);
    expect(session.attendance.counts.men.olderAdults).toBe(1);
    expect(session.attendance.disability).toBe(1);
    expect(session.agreements).toHaveLength(1);
    expect(session.agreements[0]).toMatchObject({
      text: 'Limpiar el parque el sábado',
      responsible: 'Colectivo de planeación',
      status: 'pending',
    });
    expect(session.agreements[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.agreements[0]!.dueDate).toBeUndefined();
  });

  it('shows a save failure without losing the input', async () => {
    const { user, onSubmit } = renderForm();
    onSubmit.mockRejectedValueOnce(new Error('disco lleno'));
    await fillValid(user);
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudo guardar: disco lleno');
    expect(screen.getByLabelText(/Título/)).toHaveValue('Asamblea de arranque');
  });

  it('words the errors in English when the language is English', async () => {
    await setLanguage('en');
    try {
      const { user } = renderForm();
      await user.click(save());
      expect(await screen.findAllByText('This is required.')).not.toHaveLength(0);
      expect(screen.getByText('Choose an option from the list.')).toBeInTheDocument();
    } finally {
      await setLanguage('es-MX');
    }
  });
});

describe('changedFields', () => {
  const stored: Session = {
    processId: PROCESS_ID,
    type: 'planning_workshop',
    title: 'Taller',
    date: '2026-11-20',
    place: 'Casa de cultura',
    facilitators: ['Ana López'],
    attendance: emptyAttendance(),
    agreements: [{ status: 'pending', responsible: 'Comité', text: 'Pintar bardas', id: 'a1' }],
  };

  it('is empty when nothing changed, whatever the key order or a missing note', () => {
    const before = sessionToFormValues(stored);
    const after = sessionSchema.parse({ ...before });
    expect(changedFields(before, after)).toEqual({});
  });

  it('holds only the top-level fields that differ', () => {
    const before = sessionToFormValues(stored);
    const attendance = emptyAttendance();
    attendance.counts.men.youth = 4;
    const next = sessionSchema.parse({ ...before, title: 'Taller de planeación', attendance });
    expect(changedFields(before, next)).toEqual({
      title: 'Taller de planeación',
      attendance: next.attendance,
    });
  });
});
