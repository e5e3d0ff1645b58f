import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { User } from '../../../domain';
import { useAccount } from '../../data/use-account';
import { createAccount, listAccounts, updateAccount, type Account } from '../../data/use-accounts';
import { setTeamMemberships, useProcesses, type ProcessView } from '../../data/use-processes';
import { CheckboxListField } from '../../ui/checkbox-list-field';
import { passwordErrorText } from '../../i18n/zod-errors';
import { NewPasswordFields, VerbatimTextField } from '../../ui/credential-fields';
import { EntityForm } from '../../ui/entity-form';
import { FormAlert } from '../../ui/form-alert';
import { useFieldNaming } from '../../ui/form-fields';
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
  const field = useFieldNaming<NewAccountFormValues>({ id: 'account', keys: 'accounts' });
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
  const [role, username, password] = shell.form.watch(['role', 'username', 'password']);
  return (
    <EntityForm
      shell={shell}
      submitLabel={t('accounts.create')}
      submittingLabel={t('accounts.creating')}
      cancelTo="/accounts"
    >
      <VerbatimTextField<NewAccountFormValues>
        {...field('username', { hint: true })}
        autoComplete="off"
        errorKeys={{ invalid_format: 'errors.username' }}
      />
      <AccountFields viewer={viewer} role={role} />
      <NewPasswordFields<NewAccountFormValues>
        idPrefix="account"
        names={{ password: 'password', confirm: 'confirmPassword' }}
        label={t('accounts.password')}
        confirmLabel={t('accounts.confirmPassword')}
        hint={t('accounts.passwordHint')}
        describeError={(error) => passwordErrorText(error, password, username)}
      />
    </EntityForm>
  );
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

function EditAccountForm({
  viewer,
  account,
  processes,
}: {
  viewer: User;
  account: Account;
  /** The processes this device holds (the coordinator's scope). */
  processes: ProcessView[];
}) {
  const { t } = useTranslation();
  const own = account.id === viewer.id;
  const teams = processes.filter((p) => p.teamUserIds.includes(account.id)).map((p) => p.id);
  const shell = useEntityForm<EditAccountFormValues>({
    schema: editAccountFormSchema,
    defaultValues: {
      displayName: account.displayName,
      role: account.role,
      directorateIds: account.directorateIds,
      processIds: teams,
    },
    failed: (error) => accountsErrorText(error, t),
    onSave: async (values) => {
      const patch = {
        ...(values.displayName === account.displayName ? {} : { displayName: values.displayName }),
        ...(own || values.role === account.role ? {} : { role: values.role }),
        ...(own || sameSet(values.directorateIds, account.directorateIds)
          ? {}
          : { directorateIds: values.role === 'admin' ? [] : values.directorateIds }),
      };
      // The account lives on the server; the teams are process records, written here and synced.
      if (Object.keys(patch).length > 0) await updateAccount(account.id, patch);
      const fieldRole = values.role === 'facilitator' || values.role === 'promoter';
      if (fieldRole && !sameSet(values.processIds, teams))
        await setTeamMemberships(account.id, values.processIds);
      const name = values.displayName;
      return { to: '/accounts', notice: { key: 'accounts.saved', values: { name } } };
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
      <AccountFields viewer={viewer} role={role} roleLocked={own} />
      {!own && (role === 'facilitator' || role === 'promoter') ? (
        <CheckboxListField<EditAccountFormValues>
          name="processIds"
          legend={
            <>
              {t('accounts.processes')}
              <span className="field-hint"> {t('accounts.processesHint')}</span>
            </>
          }
          options={processes.map((p) => ({ value: p.id, label: p.name }))}
          empty={t('accounts.processesNone')}
        />
      ) : null}
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
  const processes = useProcesses();
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
  if (editing === null || processes === undefined) return <p className="loading">{t('accounts.loading')}</p>;
  const title = t('accounts.editTitle', { name: editing.account?.displayName ?? '' });
  return (
    <section className="stack narrow">
      <PageHeading title={title}>{title}</PageHeading>
      <FormAlert>{editing.failure}</FormAlert>
      {editing.account ? (
        <EditAccountForm viewer={viewer} account={editing.account} processes={processes} />
      ) : null}
    </section>
  );
}
