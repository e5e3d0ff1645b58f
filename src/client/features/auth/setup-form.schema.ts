/** What the first-run form asks for. The server checks the same again; this only catches typos early. */
import { z } from 'zod';
import { passwordsMatch } from '../../ui/passwords-match';

export const MIN_PASSWORD_LENGTH = 10;

export const setupFormSchema = z
  .object({
    code: z.string().trim().min(1).max(200),
    username: z.string().trim().min(3).max(100),
    displayName: z.string().trim().min(2).max(120),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
    confirmPassword: z.string().min(1),
  })
  .refine(passwordsMatch.check, passwordsMatch.issue);

export type SetupFormValues = z.input<typeof setupFormSchema>;
export type SetupFormOutput = z.output<typeof setupFormSchema>;
