import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/client/i18n';
import { AttendanceGrid } from '../../../src/client/features/sessions/attendance-grid';
import {
  newSessionValues,
  type SessionFormValues,
} from '../../../src/client/features/sessions/session-form-values';

// No global test APIs here, so Testing Library cannot unmount by itself.
afterEach(cleanup);

const PROCESS_ID = '01890a5d-ac96-774b-bcce-b302099a8057';

function Harness() {
  const form = useForm<SessionFormValues>({ defaultValues: newSessionValues(PROCESS_ID, 'Ana López') });
  return (
    <FormProvider {...form}>
      <AttendanceGrid />
    </FormProvider>
  );
}

const total = () => screen.getByRole('status');

describe('attendance grid', () => {
  it('labels every cell with its gender and age group and starts at zero', () => {
    render(<Harness />);
    expect(
      screen.getAllByRole('group', { name: /Mujeres|Hombres|No binario\/otro|No especificado/ }),
    ).toHaveLength(4);
    expect(screen.getByLabelText('Mujeres, Niñas y niños')).toHaveValue('0');
    expect(screen.getByLabelText('No especificado, Personas adultas mayores')).toHaveValue('0');
    expect(screen.getByLabelText('Personas indígenas')).toHaveValue('0');
    expect(total()).toHaveTextContent('Total: 0 asistentes');
  });

  it('counts up and down with the large buttons and keeps a running total', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const plus = screen.getByRole('button', { name: 'Sumar 1 a Mujeres, Niñas y niños' });
    const minus = screen.getByRole('button', { name: 'Restar 1 a Mujeres, Niñas y niños' });
    await user.click(plus);
    expect(total()).toHaveTextContent('Total: 1 asistente');
    await user.click(plus);
    await user.click(plus);
    await user.click(minus);
    expect(screen.getByLabelText('Mujeres, Niñas y niños')).toHaveValue('2');
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Hombres, Personas adultas' }));
    expect(total()).toHaveTextContent('Total: 3 asistentes');
    expect(screen.getByText('Subtotal: 2 personas')).toBeInTheDocument();
  });

  it('never goes below zero', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByLabelText('Hombres, Jóvenes');
    const minus = screen.getByRole('button', { name: 'Restar 1 a Hombres, Jóvenes' });
    expect(minus).toBeDisabled();
    await user.click(minus);
    expect(input).toHaveValue('0');
    await user.click(screen.getByRole('button', { name: 'Sumar 1 a Hombres, Jóvenes' }));
    await user.click(minus);
    await user.click(minus);
    expect(input).toHaveValue('0');
    expect(minus).toBeDisabled();
    await user.clear(input);
    await user.type(input, '-7');
    expect(input).toHaveValue('7');
  });

  it('accepts typed numbers, ignores anything but digits, and adds them to the total', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const women = screen.getByLabelText('Mujeres, Personas adultas');
    await user.click(women); // focus selects the 0, so typing replaces it
    await user.keyboard('25');
    expect(women).toHaveValue('25');
    const men = screen.getByLabelText('Hombres, Personas adultas mayores');
    await user.click(men);
    await user.keyboard('1a2');
    expect(men).toHaveValue('12');
    expect(total()).toHaveTextContent('Total: 37 asistentes');
    await user.clear(men);
    expect(men).toHaveValue('0');
    expect(total()).toHaveTextContent('Total: 25 asistentes');
  });

  it('formats large totals with the locale', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('No especificado, Personas adultas'));
    await user.keyboard('1500');
    expect(total()).toHaveTextContent('Total: 1,500 asistentes');
  });
});
