import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectiveSchema, newId, type Collective, type CollectiveMember } from '../../../domain';
import { updateProcess, type ProcessView } from '../../data/use-processes';
import { formatDate, formatNumber, todayIsoDate } from '../../ui/format';

interface MemberDraft {
  id: string;
  name: string;
  consent: boolean;
  consentDate: string;
}

/**
 * The Planning Collective: how many residents committed, and — only for
 * those who agreed to it, with the day they agreed — their names. A name
 * without a ticked consent box and a date cannot be saved.
 */
export function CollectiveSection({ process }: { process: ProcessView }) {
  const { t, i18n } = useTranslation();
  const collective = process.collective ?? { memberCount: 0, members: [] };
  const [editing, setEditing] = useState(false);
  const [count, setCount] = useState(String(collective.memberCount));
  const [members, setMembers] = useState<MemberDraft[]>([]);
  const [error, setError] = useState<string | null>(null);

  const start = () => {
    setCount(String(collective.memberCount));
    setMembers(collective.members.map((m) => ({ ...m, consent: true })));
    setError(null);
    setEditing(true);
  };
  const patch = (index: number, change: Partial<MemberDraft>) =>
    setMembers((list) => list.map((m, i) => (i === index ? { ...m, ...change } : m)));

  const save = () => {
    if (members.some((m) => !m.consent || !m.consentDate))
      return setError(t('processCollective.consentRequired'));
    const next: Collective = {
      memberCount: Number(count),
      members: members.map(({ id, name, consentDate }): CollectiveMember => ({
        id,
        name: name.trim(),
        consentDate,
      })),
    };
    const parsed = collectiveSchema.safeParse(next);
    if (!parsed.success) {
      const tooMany = parsed.error.issues.some((i) => i.path[0] === 'memberCount' && i.code === 'custom');
      return setError(t(tooMany ? 'processCollective.moreNamesThanCount' : 'processCollective.invalid'));
    }
    updateProcess(process.id, { collective: parsed.data }).then(
      () => setEditing(false),
      (err: unknown) =>
        setError(t('processes.saveFailed', { reason: err instanceof Error ? err.message : String(err) })),
    );
  };

  return (
    <section className="card" aria-labelledby="collective-title">
      <h2 id="collective-title">{t('processCollective.title')}</h2>
      <p>
        {t('processCollective.count', {
          count: collective.memberCount,
          formatted: formatNumber(collective.memberCount, i18n.language),
        })}
      </p>
      {collective.members.length > 0 && !editing ? (
        <ul className="plain-list">
          {collective.members.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <span className="field-hint">
                ({t('processCollective.consentOn', { date: formatDate(m.consentDate, i18n.language) })})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {!editing ? (
        <button type="button" className="button" onClick={start}>
          {t('processCollective.edit')}
        </button>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          <div className="field">
            <label htmlFor="collective-count">{t('processCollective.memberCount')}</label>
            <input
              id="collective-count"
              type="number"
              inputMode="numeric"
              min={0}
              value={count}
              onChange={(e) => setCount(e.currentTarget.value)}
            />
          </div>
          <p className="field-hint">{t('processCollective.namesHint')}</p>
          <ol className="plain-list">
            {members.map((m, index) => (
              <li key={m.id} className="card">
                <fieldset>
                  <legend>{t('processCollective.member', { number: index + 1 })}</legend>
                  <div className="field">
                    <label htmlFor={`member-${m.id}-name`}>{t('processCollective.name')}</label>
                    <input
                      id={`member-${m.id}-name`}
                      type="text"
                      value={m.name}
                      onChange={(e) => patch(index, { name: e.currentTarget.value })}
                    />
                  </div>
                  <label className="checkbox-label">
                    <input
                      type="checkbox"
                      checked={m.consent}
                      onChange={(e) => patch(index, { consent: e.currentTarget.checked })}
                    />{' '}
                    {t('processCollective.consent')}
                  </label>
                  <div className="field">
                    <label htmlFor={`member-${m.id}-date`}>{t('processCollective.consentDate')}</label>
                    <input
                      id={`member-${m.id}-date`}
                      type="date"
                      value={m.consentDate}
                      onChange={(e) => patch(index, { consentDate: e.currentTarget.value })}
                    />
                  </div>
                  <button
                    type="button"
                    className="button"
                    onClick={() => setMembers((list) => list.filter((_, i) => i !== index))}
                  >
                    {t('processCollective.remove', { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button"
            onClick={() =>
              setMembers((list) => [
                ...list,
                { id: newId(), name: '', consent: false, consentDate: todayIsoDate() },
              ])
            }
          >
            {t('processCollective.addMember')}
          </button>
          {error ? (
            <p role="alert" className="form-alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-primary">
              {t('processCollective.save')}
            </button>
            <button type="button" className="button" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
