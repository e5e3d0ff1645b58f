/** The one form shell: validation in Spanish, focus, failures in words, confirmations, delete away from save. */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { setLanguage } from '../../../src/client/i18n';
import { EntityForm } from '../../../src/client/ui/entity-form';
import { Field } from '../../../src/client/ui/field';
import { SaveConfirmation } from '../../../src/client/ui/save-notice';
import { useEntityForm, type SaveOutcome } from '../../../src/client/ui/use-entity-form';
import { errorText } from '../../../src/client/i18n/zod-errors';
// The notices below are the sessions' and the team's words, which those features bring with them.
import '../../../src/client/features/processes/strings';
import '../../../src/client/features/sessions/strings';

afterEach(cleanup);

const schema = z.object({ title: z.string().trim().min(3), place: z.string().trim().min(1) });
type Values = z.input<typeof schema>;

interface DemoProps {
  onSave(values: Values): Promise<SaveOutcome | void>;
  onDirtyChange?(dirty: boolean): void;
  onDelete?(): Promise<SaveOutcome | void>;
  confirmsInPlace?: boolean;
}

/** A form as every feature writes one: two fields, the shell around them. */
function DemoForm({ onSave, onDirtyChange, onDelete, confirmsInPlace }: DemoProps) {
  const shell = useEntityForm<Values>({
    schema,
    defaultValues: { title: '', place: '' },
    onSave,
    onDirtyChange,
  });
  const { register, errors } = shell;
  return (
    <EntityForm
      shell={shell}
      submitLabel="Guardar sesión"
      cancelTo="/"
      confirmsInPlace={confirmsInPlace}
      remove={
        onDelete
          ? {
              label: 'Eliminar sesión',
              title: '¿Eliminar esta sesión?',
              question: <p>Se eliminará en este dispositivo.</p>,
              confirmLabel: 'Sí, eliminar',
              onDelete,
            }
          : undefined
      }
    >
      <Field id="demo-title" label="Título" error={errorText(errors.title)} required>
        {(aria) => <input type="text" {...aria} {...register('title')} />}
      </Field>
      <Field id="demo-place" label="Lugar" error={errorText(errors.place)} required>
        {(aria) => <input type="text" {...aria} {...register('place')} />}
      </Field>
    </EntityForm>
  );
}

function renderDemo(props: Partial<DemoProps> = {}) {
  const onSave = vi.fn<DemoProps['onSave']>(async () => undefined);
  const onDirtyChange = vi.fn<(dirty: boolean) => void>();
  render(
    <MemoryRouter initialEntries={['/form']}>
      <Routes>
        <Route path="/form" element={<DemoForm onSave={onSave} onDirtyChange={onDirtyChange} {...props} />} />
        <Route
          path="/list"
          element={
            <section>
              <h1>Lista</h1>
              <SaveConfirmation />
            </section>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
  return { onSave, onDirtyChange, user: userEvent.setup() };
}

const save = () => screen.getByRole('button', { name: 'Guardar sesión' });

describe('the form shell', () => {
  it('refuses invalid input with Spanish messages, says so, and focuses the first invalid field', async () => {
    const { user, onSave } = renderDemo();
    await user.type(screen.getByLabelText(/Título/), 'Ab');
    await user.click(save());
    const title = screen.getByLabelText(/Título/);
    await waitFor(() => expect(title).toHaveFocus());
    expect(title).toHaveAccessibleDescription('Escribe al menos 3 caracteres.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Lugar/)).toHaveAccessibleDescription('Este dato es obligatorio.');
    expect(screen.getByRole('alert')).toHaveTextContent('No se guardó: revisa los campos marcados en rojo.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('re-words the errors on screen when the language changes', async () => {
    const { user } = renderDemo();
    await user.click(save());
    expect(await screen.findAllByText('Este dato es obligatorio.')).toHaveLength(2);
    try {
      await act(() => setLanguage('en'));
      expect(await screen.findAllByText('This is required.')).toHaveLength(2);
      expect(screen.getByRole('alert')).toHaveTextContent('Not saved: check the fields marked in red.');
    } finally {
      await act(() => setLanguage('es-MX'));
    }
  });

  it('puts a failed save into words and keeps what was typed', async () => {
    const { user, onSave } = renderDemo();
    onSave.mockRejectedValueOnce(new Error('disco lleno'));
    await user.type(screen.getByLabelText(/Título/), 'Asamblea');
    await user.type(screen.getByLabelText(/Lugar/), 'Parque');
    await user.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudo guardar: disco lleno');
    expect(screen.getByLabelText(/Título/)).toHaveValue('Asamblea');
  });

  it('after saving, lands where the form says and confirms it there, saved on this device, with a link', async () => {
    const { user, onSave, onDirtyChange } = renderDemo();
    onSave.mockResolvedValueOnce({
      to: '/list',
      notice: { key: 'sessions.saved.created', link: { to: '/sessions/s-1', key: 'sessions.saved.open' } },
    });
    await user.type(screen.getByLabelText(/Título/), 'Asamblea');
    await user.type(screen.getByLabelText(/Lugar/), 'Parque');
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
    await user.click(save());

    const status = await screen.findByText('Sesión guardada en este dispositivo.');
    expect(status).toHaveAttribute('role', 'status');
    expect(within(status).getByRole('link', { name: 'Abrir la sesión' })).toHaveAttribute(
      'href',
      '/sessions/s-1',
    );
    // The page just opened: the confirmation is what is read first.
    await waitFor(() => expect(status).toHaveFocus());
    expect(onSave).toHaveBeenCalledWith({ title: 'Asamblea', place: 'Parque' });
    expect(onDirtyChange).toHaveBeenLastCalledWith(false);
  });

  it('a form that stays confirms in place, and the confirmation goes once the input changes', async () => {
    const { user, onSave, onDirtyChange } = renderDemo({ confirmsInPlace: true });
    onSave.mockResolvedValueOnce({ notice: { key: 'processTeam.saved' } });
    await user.type(screen.getByLabelText(/Título/), 'Asamblea');
    await user.type(screen.getByLabelText(/Lugar/), 'Parque');
    await user.click(save());
    expect(await screen.findByText('Equipo guardado en este dispositivo.')).toHaveAttribute('role', 'status');
    expect(onDirtyChange).toHaveBeenLastCalledWith(false);
    expect(screen.getByLabelText(/Título/)).toHaveValue('Asamblea');

    await user.type(screen.getByLabelText(/Título/), ' general');
    await waitFor(() => expect(screen.getByRole('status')).toBeEmptyDOMElement());
    expect(onDirtyChange).toHaveBeenLastCalledWith(true);
  });

  it('keeps delete away from save, at the end, and asks first', async () => {
    const onDelete = vi.fn(async (): Promise<SaveOutcome> => ({
      to: '/list',
      notice: { key: 'sessions.saved.deleted' },
    }));
    const { user } = renderDemo({ onDelete });
    const remove = screen.getByRole('button', { name: 'Eliminar sesión' });
    const form = save().closest('form')!;
    expect(form).not.toContainElement(remove);
    // After the form in the page's order: the last thing on it.
    expect(form.compareDocumentPosition(remove) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(remove);
    const dialog = screen.getByRole('dialog', { name: '¿Eliminar esta sesión?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancelar' }));
    expect(onDelete).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Eliminar sesión' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sí, eliminar' }));
    expect(await screen.findByText('Sesión eliminada en este dispositivo.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('says why a delete failed, next to its button', async () => {
    const onDelete = vi.fn(async (): Promise<SaveOutcome> => {
      throw new Error('disco lleno');
    });
    const { user } = renderDemo({ onDelete });
    await user.click(screen.getByRole('button', { name: 'Eliminar sesión' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Sí, eliminar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No se pudo eliminar: disco lleno');
  });
});
