import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { markAllNovedadesRead, markNovedadRead, useNovedades, type Novedad } from '../../data/use-novedades';
import { useProjectStatuses } from '../../data/use-project-statuses';
import { formatDateTime } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { PageHeading } from '../../ui/page-heading';
import { changeReasonText, recordKindText } from '../../ui/vocabulary/change-reason';
import './strings';
import './novedades.css';

/** One novedad in a sentence; `statusName` names a project status by its id, when the device has it. */
export function novedadText(
  n: Novedad,
  t: TFunction,
  statusName?: (id: string) => string | undefined,
): string {
  const title = n.title ?? t('novedades.untitled');
  const kind = recordKindText(n.entity, t);
  if (n.kind === 'project_progress' && typeof n.to !== 'number') {
    return t('novedades.kinds.project_progress_none', { title });
  }
  const status = n.kind === 'project_status' && typeof n.to === 'string' ? statusName?.(n.to) : undefined;
  if (status) return t('novedades.kinds.project_status_named', { title, status });
  return t(`novedades.kinds.${n.kind}`, { title, kind: kind.toLowerCase(), to: n.to });
}

function NovedadCard({
  novedad: n,
  statusName,
}: {
  novedad: Novedad;
  statusName: (id: string) => string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const unread = n.read === 0;
  const text = novedadText(n, t, statusName);
  return (
    <li className={unread ? 'card stack novedad-unread' : 'card stack'}>
      <p>
        {unread ? <strong className="novedad-tag">{t('novedades.unread')}</strong> : null} {novedadText(n, t)}
      </p>
      <p className="small">{formatDateTime(n.at, i18n.language)}</p>
      {n.code && (n.kind === 'rejected' || n.kind.startsWith('review_')) ? (
        <p className="small">{t('novedades.reason', { reason: changeReasonText(n.code, t) })}</p>
      ) : null}
      {n.kind === 'commitment_who' && n.note ? <p>{t('novedades.commitment', { what: n.note })}</p> : null}
      {n.kind.startsWith('review_') ? (
        <>
          {n.byName ? <p className="small">{t('novedades.by', { name: n.byName })}</p> : null}
          {n.note ? <blockquote>{n.note}</blockquote> : null}
        </>
      ) : null}
      <div className="actions">
        {n.entity === 'project' ? (
          <Link to={`/projects/${n.recordId}`} className="button">
            {t('novedades.open')}
          </Link>
        ) : null}
        {unread ? (
          <button
            type="button"
            className="button"
            aria-label={t('novedades.markReadLabel', { title: text })}
            onClick={() => void markNovedadRead(n.id)}
          >
            {t('novedades.markRead')}
          </button>
        ) : null}
      </div>
    </li>
  );
}

/**
 * `/novedades`: what the office changed that the field cares about, newest
 * first, noted on this device by the sync (data/novedades.repository.ts);
 * works offline, since it reads only the device.
 */
export function NovedadesPage() {
  const { t } = useTranslation();
  const list = useNovedades();
  const statuses = useProjectStatuses();
  const names = new Map((statuses ?? []).map((s) => [s.id, s.name]));
  const statusName = (id: string) => names.get(id);
  return (
    <section className="stack">
      <PageHeading title={t('novedades.title')}>{t('novedades.title')}</PageHeading>
      <p>{t('novedades.intro')}</p>
      {list === undefined ? (
        <p className="loading">{t('novedades.loading')}</p>
      ) : (
        <ItemList
          items={list}
          none={t('novedades.none')}
          lead={
            list.some((n) => n.read === 0) ? (
              <button type="button" className="button" onClick={() => void markAllNovedadesRead()}>
                {t('novedades.markAllRead')}
              </button>
            ) : null
          }
        >
          {(n) => <NovedadCard key={n.id} novedad={n} statusName={statusName} />}
        </ItemList>
      )}
    </section>
  );
}
