import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionTourNotes, type TourNoteView } from '../../data/use-tour-notes';
import { formatDateTime, formatNumber } from '../../ui/format';
import { ItemList } from '../../ui/item-list';
import { PageSection } from '../../ui/page-section';
import { SaveConfirmation } from '../../ui/save-notice';
import { THEME_COLOURS } from '../../ui/theme-colours';
import './strings';
import './tour-notes.css';

function NoteItem({ note }: { note: TourNoteView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const photos = note.photos?.length ?? 0;
  let where = t('tourNotes.list.noLocation');
  if (note.location) {
    where = t('tourNotes.list.position', {
      lat: note.location.lat.toFixed(5),
      lon: note.location.lon.toFixed(5),
    });
    if (note.locationSource === 'gps' && note.accuracy != null)
      where += ` (${t('tourNotes.list.accuracy', { accuracy: formatNumber(Math.round(note.accuracy), lang) })})`;
    else if (note.locationSource === 'map') where += ` (${t('tourNotes.list.onMap')})`;
  }
  return (
    <li>
      <Link to={`/notes/${note.id}`} className="card card-link note-card">
        <span className="note-card-area">
          <span className="note-chip" aria-hidden="true" style={{ background: THEME_COLOURS[note.theme] }} />
          {t(`vocabulary.themes.${note.theme}`)}
          <span>
            · {t('tourNotes.list.severity', { severity: t(`vocabulary.severities.${note.severity}`) })}
          </span>
        </span>
        <span className="note-card-description">{note.description}</span>
        <span className="note-card-meta">
          <time dateTime={note.takenAt}>{formatDateTime(note.takenAt, lang)}</time> ·{' '}
          {t('tourNotes.list.photos', { count: photos })} · {where}
        </span>
      </Link>
    </li>
  );
}

/**
 * The notes of one tour, newest first: area (with its colour), severity,
 * description, time, photos and position; each opens the note. Shown on the
 * tour page, where it also confirms a note just saved or deleted.
 */
export function TourNotesList({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const notes = useSessionTourNotes(sessionId);
  return (
    <PageSection id="tour-notes-title" title={t('tourNotes.list.title')}>
      <SaveConfirmation />
      {notes === undefined ? null : (
        <ItemList
          items={notes}
          none={t('tourNotes.list.empty')}
          noneClassName="empty"
          lead={<p>{t('tourNotes.list.count', { count: notes.length })}</p>}
          className="plain-list note-list"
        >
          {(note) => <NoteItem key={note.id} note={note} />}
        </ItemList>
      )}
    </PageSection>
  );
}
