import type { FieldValues, Path, UseFormRegister, FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../domain';
import { useDirectorates } from '../../data/use-territory';
import { errorText } from '../../i18n/zod-errors';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { Field } from '../../ui/field';
import './strings';

/** The roles the signed-in user may give: any for administrators, field roles for coordinators. */
export function rolesFor(viewer: User): Role[] {
  return viewer.role === 'admin'
    ? ['facilitator', 'promoter', 'coordinator', 'admin']
    : ['facilitator', 'promoter'];
}

interface SharedValues extends FieldValues {
  displayName: string;
  role: Role;
  directorateIds: string[];
}

/**
 * Display name, role and directorates: the fields the new and the edit form
 * share. A directorate coordinator is offered only their own directorates.
 */
export function AccountFields<Values extends SharedValues>({
  viewer,
  role,
  register,
  errors,
  roleLocked,
}: {
  viewer: User;
  role: Role;
  register: UseFormRegister<Values>;
  errors: FieldErrors<SharedValues>;
  /** Their own account: the role and directorates stay as they are. */
  roleLocked?: boolean;
}) {
  const { t } = useTranslation();
  const directorates = useDirectorates();
  const limit = viewer.scope.kind === 'directorates' ? new Set(viewer.scope.directorates ?? []) : null;
  const options = (directorates ?? [])
    .filter((d) => limit === null || limit.has(d.id))
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Field
        id="account-display-name"
        label={t('accounts.displayName')}
        hint={t('accounts.displayNameHint')}
        error={errorText(errors.displayName)}
        required
      >
        {(aria) => (
          <input type="text" autoComplete="off" {...aria} {...register('displayName' as Path<Values>)} />
        )}
      </Field>
      <Field id="account-role" label={t('accounts.role')} error={errorText(errors.role)} required>
        {(aria) => (
          <select {...aria} disabled={roleLocked} {...register('role' as Path<Values>)}>
            {(roleLocked ? [role] : rolesFor(viewer)).map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role !== 'admin' && !roleLocked ? (
        <CheckboxListField<SharedValues>
          name="directorateIds"
          legend={
            <>
              {t('accounts.directorates')}
              <span className="field-hint">
                {' '}
                {t(
                  role === 'coordinator'
                    ? 'accounts.directoratesHintCoordinator'
                    : 'accounts.directoratesHintField',
                )}
              </span>
            </>
          }
          options={options}
          empty={t('accounts.directoratesNone')}
        />
      ) : null}
    </>
  );
}
