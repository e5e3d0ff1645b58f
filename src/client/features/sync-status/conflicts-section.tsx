import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EntityName } from '../../../domain';
import {
  dismissConflict,
  restoreDeletedRecord,
  useConflicts,
  type ConflictView,
} from '../../data/use-conflicts';
import { formatDateTime, formatRelativeTime } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { useNow } from '../../ui/use-now';

/** A field's label in the UI language; a field without one shows its name. */
function fieldLabel(entity: string, field: string, t: TFunction): string {
  const labels = 'sync.conflicts.fieldLabels';
  const shared = field === 'attendance' || field === 'agreements';
  const key = shared
    ? `${labels}.${field}`
    : `${labels}.${entity === 'process' ? 'process' : 'session'}.${field}`;
  return t(key, { defaultValue: field });
}

function ConflictItem({ conflict, now }: { conflict: ConflictView; now: number }) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    try {
      await restoreDeletedRecord(conflict.entity as EntityName, conflict.recordId);
    } catch (e) {
      setError(t('sync.conflicts.restoreFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <li className="card">
      <p>
        <strong>{t(`entities.${conflict.entity}`, { defaultValue: conflict.entity })}</strong>
        {conflict.label ? ` «${conflict.label}»` : ''}
      </p>
      <p>{t(`sync.conflicts.kinds.${conflict.kind}`)}</p>
      <p className="small">
        {conflict.fields.length > 0 ? (
          <>
            {t('sync.conflicts.fields')}:{' '}
            {conflict.fields.map((f) => fieldLabel(conflict.entity, f, t)).join(', ')} ·{' '}
          </>
        ) : null}
        {t('sync.conflicts.detected')}{' '}
        <time dateTime={conflict.detectedAt} title={formatDateTime(conflict.detectedAt, i18n.language)}>
          {formatRelativeTime(conflict.detectedAt, now, i18n.language)}
        </time>
      </p>
      {error ? (
        <p className="notice notice-warning" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="button button-primary" onClick={() => void restore()}>
          {t('sync.conflicts.restore')}
        </button>
        <button type="button" className="button" onClick={() => void dismissConflict(conflict.key)}>
          {t('sync.conflicts.dismiss')}
        </button>
      </div>
    </li>
  );
}

/** On `/sync`: deletes that crossed edits on other devices, with a way to undo the delete. */
export function ConflictsSection() {
  const { t } = useTranslation();
  const conflicts = useConflicts();
  const now = useNow();
  return (
    <section aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('sync.conflicts.title')}</h2>
      <ItemList items={conflicts} none={t('sync.conflicts.none')} lead={<p>{t('sync.conflicts.help')}</p>}>
        {(c) => <ConflictItem key={c.key} conflict={c} now={now} />}
      </ItemList>
    </section>
  );
}
