/** What the lock and unlock forms ask for: a PIN of 4 to 8 digits (chosen twice when locking). */
import { z } from 'zod';
import { PIN_PATTERN } from '../../data/use-screen-lock';

const pin = z.string().regex(PIN_PATTERN, 'El PIN debe tener de 4 a 8 números, sin letras ni espacios.');

export const lockFormSchema = z
  .object({ pin, confirm: z.string() })
  .refine((values) => values.pin === values.confirm, {
    path: ['confirm'],
    message: 'Los dos PIN no coinciden.',
  });
export type LockFormValues = z.input<typeof lockFormSchema>;

export const unlockFormSchema = z.object({ pin });
export type UnlockFormValues = z.input<typeof unlockFormSchema>;

export const passwordFormSchema = z.object({
  password: z.string().min(1, 'Escribe la contraseña.').max(1000),
});
export type PasswordFormValues = z.input<typeof passwordFormSchema>;

/** Issue codes whose message follows the UI language (errorText overrides). */
export const PIN_ERRORS = {
  invalid_format: 'screenLock.errors.pinFormat',
  custom: 'screenLock.errors.pinsDiffer',
};
