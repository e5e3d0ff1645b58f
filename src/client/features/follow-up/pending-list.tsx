import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { daysUntil, DUE_STATES, groupPending, localDate, type AuthorRole } from '../../../domain';
import { useAccount } from '../../data/use-account';
import { markAgreementDone, markCommitmentDone, type PendingEntry } from '../../data/use-follow-up';
import { useGovernmentAreas } from '../../data/use-government-areas';
import { FormAlert } from '../../ui/form-alert';
import { formatDate } from '../../ui/format';
import { errorReason } from '../../ui/use-entity-form';
import { ItemAction } from '../../ui/item-action';
import { CommitmentDoneForm } from './commitment-done-form';
import './follow-up.css';
import './strings';

function useWho() {
  const { t } = useTranslation();
  const areas = useGovernmentAreas();
  return (who: PendingEntry['who']) =>
    who.kind === 'government_area'
      ? (areas?.find((a) => a.id === who.governmentAreaId)?.name ?? t('followUp.pending.unknownArea'))
      : who.kind === 'collective'
        ? t('followUp.pending.collective')
        : (who.name ?? '');
}

function When({ item, today }: { item: PendingEntry; today: string }) {
  const { t, i18n } = useTranslation();
  if (item.done)
    return (
      <>
        {item.doneAt
          ? t('followUp.pending.doneAt', { date: formatDate(item.doneAt, i18n.language) })
          : t('followUp.pending.done')}
      </>
    );
  if (!item.dueDate) return <>{t('followUp.pending.noDate')}</>;
  const days = daysUntil(item.dueDate, today);
  const date = formatDate(item.dueDate, i18n.language);
  if (days < 0)
    return <span className="follow-up-overdue">{t('followUp.pending.late', { count: -days, date })}</span>;
  if (days === 0) return <>{t('followUp.pending.today', { date })}</>;
  return <>{t('followUp.pending.dueOn', { date })}</>;
}

function PendingRow({
  item,
  today,
  showProcess,
}: {
  item: PendingEntry;
  today: string;
  showProcess: boolean;
}) {
  const { t } = useTranslation();
  const who = useWho();
  const role = useAccount()?.user.role;
  const [marking, setMarking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = `pending-${item.key.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const recordLink = item.kind === 'commitment' ? `/projects/${item.recordId}` : `/sessions/${item.recordId}`;
  const authorRole: AuthorRole = role ?? 'facilitator';
  const doneAgreement = () => {
    setFailure(null);
    markAgreementDone(item.recordId, item.itemId).catch((error: unknown) =>
      setFailure(t('followUp.form.failed', { reason: errorReason(error) })),
    );
  };
  return (
    <li className="card">
      <h3 id={titleId}>{item.what}</h3>
      <p>
        {t(`followUp.pending.kind.${item.kind}`)} · {who(item.who)} · <When item={item} today={today} />
      </p>
      <p className="field-hint">
        <Link to={recordLink} className="link-target">
          {item.recordTitle}
        </Link>
        {showProcess ? ` · ${item.processName}` : null}
      </p>
      {item.done ? null : marking ? (
        <CommitmentDoneForm
          id={titleId}
          labelledBy={titleId}
          today={today}
          onCancel={() => setMarking(false)}
          onSave={async (values) => {
            await markCommitmentDone({
              projectId: item.recordId,
              commitmentId: item.itemId,
              date: values.date,
              note: values.note,
              photos: values.photos,
              public: values.public,
              authorRole,
            });
            setMarking(false);
          }}
        />
      ) : (
        <div className="actions">
          <ItemAction
            label={t('followUp.pending.markDone')}
            itemLabel={t('followUp.pending.markDoneOf', { what: item.what })}
            onClick={() => (item.kind === 'commitment' ? setMarking(true) : doneAgreement())}
          />
        </div>
      )}
      <FormAlert>{failure}</FormAlert>
    </li>
  );
}

/** The pendientes grouped: overdue first, due this week, later, done — due days in Mexico City. */
export function PendingList({ items, showProcess }: { items: PendingEntry[]; showProcess: boolean }) {
  const { t } = useTranslation();
  const today = localDate(new Date());
  const groups = groupPending(items);
  if (items.length === 0) return <p className="field-hint">{t('followUp.pending.empty')}</p>;
  return (
    <>
      {DUE_STATES.map((state) =>
        groups[state].length === 0 ? null : (
          <section key={state} className="page-section" aria-labelledby={`pending-group-${state}`}>
            <h2 id={`pending-group-${state}`}>
              {t(`followUp.pending.groups.${state}`, { count: groups[state].length })}
            </h2>
            <ul className="plain-list stack">
              {groups[state].map((item) => (
                <PendingRow
                  key={item.key}
                  item={item as PendingEntry}
                  today={today}
                  showProcess={showProcess}
                />
              ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}
