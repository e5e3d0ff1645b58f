import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../data/use-accounts';
import { ItemAction } from '../../ui/item-action';
import './strings';

export type AccountAction = 'reset' | 'deactivate' | 'reactivate';

/** One account: who, role, directorates, state, and what the viewer may do with it. */
export function AccountCard({
  account,
  own,
  directorateNames,
  onAction,
}: {
  account: Account;
  own: boolean;
  directorateNames: (ids: string[]) => string;
  onAction(action: AccountAction, account: Account): void;
}) {
  const { t } = useTranslation();
  const name = account.displayName;
  const act = (action: AccountAction, danger = false) => (
    <ItemAction
      label={t(`accounts.${action}`)}
      itemLabel={t(`accounts.${action}Label`, { name })}
      onClick={() => onAction(action, account)}
      danger={danger}
    />
  );
  return (
    <li className="card stack" aria-label={name}>
      <p>
        <strong>{name}</strong> {own ? t('accounts.you') : null}
        <br />
        <span className="small">
          {account.username} · {t(`roles.${account.role}`)}
        </span>
      </p>
      <p className="small">
        {account.directorateIds.length > 0
          ? t('accounts.directoratesOf', { names: directorateNames(account.directorateIds) })
          : account.role === 'coordinator' || account.role === 'admin'
            ? t('accounts.wholeBorough')
            : null}
      </p>
      <p>
        <strong>{account.active ? t('accounts.active') : t('accounts.inactive')}</strong>
        {account.mustChangePassword ? <> · {t('accounts.mustChange')}</> : null}
      </p>
      <div className="actions">
        <Link
          to={`/accounts/${account.id}/edit`}
          className="button"
          aria-label={t('accounts.editLabel', { name })}
        >
          {t('accounts.edit')}
        </Link>
        {account.active ? (
          <Link
            to={`/enrolment?user=${account.id}`}
            className="button"
            aria-label={t('accounts.enrolLabel', { name })}
          >
            {t('accounts.enrol')}
          </Link>
        ) : null}
        {!own && account.active ? (
          <>
            {act('reset')}
            {act('deactivate', true)}
          </>
        ) : null}
        {!own && !account.active ? act('reactivate') : null}
      </div>
    </li>
  );
}
