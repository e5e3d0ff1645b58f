/** What the account forms ask for: the domain's rules (domain/accounts.ts), plus "repeat the password". */
import { z } from 'zod';
import { passwordsMatch } from '../../ui/passwords-match';
import {
  checkPasswordOf,
  labelTextSchema,
  passwordSchema,
  roleSchema,
  usernameSchema,
} from '../../../domain';

export const newAccountFormSchema = z
  .object({
    username: usernameSchema,
    displayName: labelTextSchema(200),
    role: roleSchema,
    directorateIds: z.array(z.string()),
    password: passwordSchema,
    confirmPassword: z.string().min(1),
  })
  .superRefine(checkPasswordOf('password'))
  .refine(passwordsMatch.check, passwordsMatch.issue);
export type NewAccountFormValues = z.input<typeof newAccountFormSchema>;
export type NewAccountFormOutput = z.output<typeof newAccountFormSchema>;

export const editAccountFormSchema = z.object({
  displayName: labelTextSchema(200),
  role: roleSchema,
  directorateIds: z.array(z.string()),
  /** The processes whose team lists the person (field roles): process records, edited on the device. */
  processIds: z.array(z.string()),
});
export type EditAccountFormValues = z.input<typeof editAccountFormSchema>;
