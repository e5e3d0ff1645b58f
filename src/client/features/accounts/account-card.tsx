import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../data/use-accounts';
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
            <button
              type="button"
              className="button"
              aria-label={t('accounts.resetLabel', { name })}
              onClick={() => onAction('reset', account)}
            >
              {t('accounts.reset')}
            </button>
            <button
              type="button"
              className="button button-danger"
              aria-label={t('accounts.deactivateLabel', { name })}
              onClick={() => onAction('deactivate', account)}
            >
              {t('accounts.deactivate')}
            </button>
          </>
        ) : null}
        {!own && !account.active ? (
          <button
            type="button"
            className="button"
            aria-label={t('accounts.reactivateLabel', { name })}
            onClick={() => onAction('reactivate', account)}
          >
            {t('accounts.reactivate')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
