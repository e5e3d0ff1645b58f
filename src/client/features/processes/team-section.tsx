import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../domain';
import { useAccount } from '../../data/use-account';
import { updateProcess, type ProcessView } from '../../data/use-processes';
import { listTeamCandidates, useUserNames } from '../../data/use-users';
import { ApiError } from '../../net/api-client';

const CAN_ASSIGN = new Set(['admin', 'coordinator']);

/**
 * The process's team by name. Names come from the device's cache (filled
 * whenever a coordinator lists accounts), so they show offline; an id the
 * device has never seen named is shown as "another member". Coordinators
 * edit the team from the account list, which needs the network.
 */
export function TeamSection({ process }: { process: ProcessView }) {
  const { t } = useTranslation();
  const names = useUserNames();
  const account = useAccount();
  const [candidates, setCandidates] = useState<UserSummary[] | null>(null);
  const [chosen, setChosen] = useState<string[]>(process.teamUserIds);
  const [message, setMessage] = useState<string | null>(null);
  const canAssign = account ? CAN_ASSIGN.has(account.user.role) : false;

  const open = async () => {
    setMessage(null);
    try {
      setCandidates(await listTeamCandidates());
      setChosen(process.teamUserIds);
    } catch (err) {
      setMessage(
        err instanceof ApiError && err.code === 'network'
          ? t('processTeam.offline')
          : t('processes.saveFailed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    }
  };

  return (
    <section className="card" aria-labelledby="team-title">
      <h2 id="team-title">{t('processTeam.title')}</h2>
      {process.teamUserIds.length === 0 ? (
        <p className="field-hint">{t('processTeam.empty')}</p>
      ) : (
        <ul className="plain-list">
          {process.teamUserIds.map((userId) => (
            <li key={userId}>{names?.[userId] ?? t('processTeam.unknownMember')}</li>
          ))}
        </ul>
      )}
      {canAssign && candidates === null ? (
        <button type="button" className="button" onClick={() => void open()}>
          {t('processTeam.edit')}
        </button>
      ) : null}
      {candidates ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            updateProcess(process.id, { teamUserIds: chosen }).then(
              () => setCandidates(null),
              (err: unknown) =>
                setMessage(
                  t('processes.saveFailed', { reason: err instanceof Error ? err.message : String(err) }),
                ),
            );
          }}
        >
          <fieldset>
            <legend>{t('processTeam.choose')}</legend>
            <ul className="plain-list">
              {candidates.map((user) => (
                <li key={user.id}>
                  <label className="checkbox-label">
                    <input
                      type="checkbox"
                      checked={chosen.includes(user.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setChosen((ids) => (on ? [...ids, user.id] : ids.filter((x) => x !== user.id)));
                      }}
                    />{' '}
                    {user.displayName} ({t(`roles.${user.role}`)})
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('processTeam.save')}
            </button>
            <button type="button" className="button" onClick={() => setCandidates(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {message ? (
        <p role="alert" className="form-alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}
