import { useTranslation } from 'react-i18next';
import type { Commitment, StatusRecord } from '../../../domain';
import type { ProjectUpdateView } from '../../data/use-follow-up';
import { formatDate } from '../../ui/format';
import { PhotoThumb } from '../../widgets/photos/photo-picker';
import './strings';

function EntryTitle({
  update,
  statuses,
  commitments,
}: {
  update: ProjectUpdateView;
  statuses: StatusRecord[];
  commitments: Commitment[];
}) {
  const { t } = useTranslation();
  if (update.kind === 'status_change') {
    const name = statuses.find((s) => s.id === update.statusId)?.name ?? t('followUp.unknownStatus');
    return <>{t('followUp.timeline.statusChange', { status: name })}</>;
  }
  if (update.kind === 'commitment_done') {
    const what = commitments.find((c) => c.id === update.commitmentId)?.what ?? '';
    return <>{t('followUp.timeline.commitmentDone', { what })}</>;
  }
  return <>{t('followUp.timeline.milestone')}</>;
}

/** A project's history, newest first: dated entries with their text, photos and who recorded them. */
export function ProjectTimeline({
  updates,
  statuses,
  commitments,
}: {
  updates: ProjectUpdateView[];
  statuses: StatusRecord[];
  commitments: Commitment[];
}) {
  const { t, i18n } = useTranslation();
  if (updates.length === 0) return <p className="field-hint">{t('followUp.timeline.empty')}</p>;
  return (
    <ol className="plain-list follow-up-timeline">
      {updates.map((u) => (
        <li key={u.id} className="follow-up-entry">
          <p className="follow-up-entry-head">
            <time dateTime={u.date}>{formatDate(u.date, i18n.language)}</time> ·{' '}
            <strong>
              <EntryTitle update={u} statuses={statuses} commitments={commitments} />
            </strong>
          </p>
          {u.text ? <p>{u.text}</p> : null}
          <p className="field-hint">
            {t(`followUp.roles.${u.authorRole}`)}
            {typeof u.progress === 'number'
              ? ` · ${t('followUp.timeline.progress', { value: Math.round(u.progress) })}`
              : ''}
            {u.point ? ` · ${t('followUp.timeline.point', { lat: u.point.lat, lon: u.point.lon })}` : ''}
            {' · '}
            {u.public ? t('followUp.timeline.public') : t('followUp.timeline.private')}
          </p>
          {u.photos.length > 0 ? (
            <ul className="plain-list follow-up-photos">
              {u.photos.map((photo, i) => (
                <li key={photo.sha256}>
                  <PhotoThumb
                    photo={photo}
                    alt={t('followUp.timeline.photoAlt', {
                      number: i + 1,
                      date: formatDate(u.date, i18n.language),
                    })}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
