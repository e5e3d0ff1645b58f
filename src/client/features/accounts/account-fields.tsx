import type { FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Role, User } from '../../../domain';
import { useDirectorates } from '../../data/use-territory';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { Options, SelectField, TextField, useFieldNaming } from '../../ui/form-fields';
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
export function AccountFields({
  viewer,
  role,
  roleLocked,
}: {
  viewer: User;
  role: Role;
  /** Their own account: the role and directorates stay as they are. */
  roleLocked?: boolean;
}) {
  const { t } = useTranslation();
  const field = useFieldNaming<SharedValues>({ id: 'account', keys: 'accounts' });
  const directorates = useDirectorates();
  const limit = viewer.scope.kind === 'directorates' ? new Set(viewer.scope.directorates ?? []) : null;
  const options = (directorates ?? [])
    .filter((d) => limit === null || limit.has(d.id))
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <TextField<SharedValues> {...field('displayName', { hint: true })} autoComplete="off" required />
      <SelectField<SharedValues> {...field('role')} disabled={roleLocked} required>
        <Options values={roleLocked ? [role] : rolesFor(viewer)} label={(r) => t(`roles.${r}`)} />
      </SelectField>
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
