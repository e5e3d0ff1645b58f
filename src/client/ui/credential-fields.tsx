/** Fields for what a person types exactly: names to sign in with, one-time codes and passwords. */
import type { FieldValues, Path } from 'react-hook-form';
import { TextField, type BoundFieldProps } from './form-fields';

type CredentialFieldProps<Values extends FieldValues, A extends string> = Omit<
  BoundFieldProps<Values>,
  'required' | 'rules'
> & { autoComplete: A };

/** A username or a code: the keyboard adds no capitals and fixes no spelling. */
export function VerbatimTextField<Values extends FieldValues>(
  props: CredentialFieldProps<Values, 'username' | 'off'>,
) {
  return <TextField<Values> {...props} autoCapitalize="none" spellCheck={false} required />;
}

/** A password: hidden; `autoComplete` tells the browser's password manager whether it is new or the current one. */
export function PasswordField<Values extends FieldValues>(
  props: CredentialFieldProps<Values, 'new-password' | 'current-password'>,
) {
  return <TextField<Values> {...props} type="password" required />;
}

/** A new password and its confirmation, as account creation, first-run set-up and a forced change ask for them. */
export function NewPasswordFields<Values extends FieldValues>({
  idPrefix,
  names,
  label,
  confirmLabel,
  hint,
  describeError,
}: {
  idPrefix: string;
  /** The password's and the confirmation's names in the form. */
  names: { password: Path<Values>; confirm: Path<Values> };
  label: string;
  confirmLabel: string;
  hint?: string;
  /** Words the password's error (its rule's reason); the confirmation says the two differ. */
  describeError?: BoundFieldProps<Values>['describeError'];
}) {
  return (
    <>
      <PasswordField<Values>
        name={names.password}
        id={`${idPrefix}-password`}
        label={label}
        hint={hint}
        autoComplete="new-password"
        describeError={describeError}
      />
      <PasswordField<Values>
        name={names.confirm}
        id={`${idPrefix}-confirm-password`}
        label={confirmLabel}
        autoComplete="new-password"
        errorKeys={{ custom: 'errors.passwordsDiffer' }}
      />
    </>
  );
}
