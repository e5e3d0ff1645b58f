import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { User } from '../../../domain';
import { useAccount } from '../../data/use-account';
import { createAccount, listAccounts, updateAccount, type Account } from '../../data/use-accounts';
import { errorText, passwordErrorText } from '../../i18n/zod-errors';
import { EntityForm } from '../../ui/entity-form';
import { Field } from '../../ui/field';
import { FormAlert } from '../../ui/form-alert';
import { PageHeading } from '../../ui/page-heading';
import { Loading } from '../../ui/status-views';
import { useEntityForm } from '../../ui/use-entity-form';
import { AccountFields } from './account-fields';
import {
  editAccountFormSchema,
  newAccountFormSchema,
  type EditAccountFormValues,
  type NewAccountFormOutput,
  type NewAccountFormValues,
} from './account-form.schema';
import { accountsErrorText } from './remote-error';
import './strings';

function NewAccountForm({ viewer }: { viewer: User }) {
  const { t } = useTranslation();
  const shell = useEntityForm<NewAccountFormValues, NewAccountFormOutput>({
    schema: newAccountFormSchema,
    defaultValues: {
      username: '',
      displayName: '',
      role: 'facilitator',
      directorateIds: [],
      password: '',
      confirmPassword: '',
    },
    failed: (error) => accountsErrorText(error, t),
    onSave: async ({ confirmPassword: _repeat, directorateIds, ...values }) => {
      const user = await createAccount({
        ...values,
        ...(directorateIds.length > 0 && values.role !== 'admin' ? { directorateIds } : {}),
      });
      return { to: '/accounts', notice: { key: 'accounts.created', values: { name: user.displayName } } };
    },
  });
  const { register, errors } = shell;
  const [role, username, password] = shell.form.watch(['role', 'username', 'password']);
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('accounts.create')}
      submittingLabel={t('accounts.creating')}
      cancelTo="/accounts"
    >
      <Field
        id="account-username"
        label={t('accounts.username')}
        hint={t('accounts.usernameHint')}
        error={errorText(errors.username)}
        required
      >
        {(aria) => (
          <input
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            {...aria}
            {...register('username')}
          />
        )}
      </Field>
      <AccountFields viewer={viewer} role={role} register={register} errors={errors} />
      <Field
        id="account-password"
        label={t('accounts.password')}
        hint={t('accounts.passwordHint')}
        error={passwordErrorText(errors.password, password, username)}
        required
      >
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...register('password')} />}
      </Field>
      <Field
        id="account-confirm-password"
        label={t('accounts.confirmPassword')}
        error={errorText(errors.confirmPassword, { custom: 'errors.passwordsDiffer' })}
        required
      >
        {(aria) => (
          <input type="password" autoComplete="new-password" {...aria} {...register('confirmPassword')} />
        )}
      </Field>
    </EntityForm>
  );
}

function EditAccountForm({ viewer, account }: { viewer: User; account: Account }) {
  const { t } = useTranslation();
  const own = account.id === viewer.id;
  const shell = useEntityForm<EditAccountFormValues>({
    schema: editAccountFormSchema,
    defaultValues: {
      displayName: account.displayName,
      role: account.role,
      directorateIds: account.directorateIds,
    },
    failed: (error) => accountsErrorText(error, t),
    onSave: async (values) => {
      const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
      const saved = await updateAccount(account.id, {
        displayName: values.displayName,
        ...(own || values.role === account.role ? {} : { role: values.role }),
        ...(own || same(values.directorateIds, account.directorateIds)
          ? {}
          : { directorateIds: values.role === 'admin' ? [] : values.directorateIds }),
      });
      return { to: '/accounts', notice: { key: 'accounts.saved', values: { name: saved.displayName } } };
    },
  });
  const role = shell.form.watch('role');
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('accounts.save')}
      submittingLabel={t('accounts.saving')}
      cancelTo="/accounts"
    >
      <p>
        {t('accounts.username')}: <strong>{account.username}</strong>
      </p>
      <AccountFields
        viewer={viewer}
        role={role}
        register={shell.register}
        errors={shell.errors}
        roleLocked={own}
      />
    </EntityForm>
  );
}

/** The account being edited, read from the server (the office needs the network for accounts). */
function useManagedAccount(id: string | undefined) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ account?: Account; failure?: string } | null>(null);
  useEffect(() => {
    if (!id) return;
    let active = true;
    listAccounts().then(
      (list) => {
        if (!active) return;
        const account = list.find((a) => a.id === id);
        setState(account ? { account } : { failure: t('accounts.notManaged') });
      },
      (error: unknown) => active && setState({ failure: accountsErrorText(error, t) }),
    );
    return () => {
      active = false;
    };
  }, [id, t]);
  return state;
}

/** `/accounts/new` and `/accounts/:id/edit`, for coordinators and administrators. */
export function AccountFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const signedIn = useAccount();
  const editing = useManagedAccount(id);
  if (signedIn === undefined) return <Loading />;
  const viewer = signedIn?.user;
  if (!viewer || (viewer.role !== 'admin' && viewer.role !== 'coordinator')) {
    return <p>{t('accounts.forbidden')}</p>;
  }
  if (!id) {
    return (
      <section className="stack narrow">
        <PageHeading title={t('accounts.newTitle')}>{t('accounts.newTitle')}</PageHeading>
        <NewAccountForm viewer={viewer} />
      </section>
    );
  }
  if (editing === null) return <p className="loading">{t('accounts.loading')}</p>;
  const title = t('accounts.editTitle', { name: editing.account?.displayName ?? '' });
  return (
    <section className="stack narrow">
      <PageHeading title={title}>{title}</PageHeading>
      <FormAlert>{editing.failure}</FormAlert>
      {editing.account ? <EditAccountForm viewer={viewer} account={editing.account} /> : null}
    </section>
  );
}
