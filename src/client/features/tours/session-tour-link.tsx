/** On a session's page: for a territorial tour, the way into the tour screen with what was walked so far. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../data/use-sessions';
import { useTourNotes } from '../../data/use-tour-notes';
import { useTourTrack } from '../../data/use-tracks';
import { formatDistance, formatDuration } from './format';
import './strings';

function TourSummary({ sessionId, processId }: { sessionId: string; processId: string }) {
  const { t, i18n } = useTranslation();
  const track = useTourTrack(sessionId);
  const notes = useTourNotes(processId);
  if (!track || !notes) return null;
  const noteCount = notes.filter((n) => n.sessionId === sessionId).length;
  if (track.pointCount === 0 && noteCount === 0) return <p className="muted">{t('tours.notStarted')}</p>;
  return (
    <p>
      {t('tours.summary', {
        distance: formatDistance(track.distance, i18n.language),
        duration: formatDuration(track.duration),
        notes: t('tours.notes', { count: noteCount }),
      })}
    </p>
  );
}

export function SessionTourLink({ sessionId, sessionType }: { sessionId: string; sessionType: string }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  if (sessionType !== 'territorial_tour' || !session) return null;
  return (
    <section className="card tour-link" aria-labelledby={`tour-link-${sessionId}`}>
      <h2 id={`tour-link-${sessionId}`}>{t('tours.linkTitle')}</h2>
      <TourSummary sessionId={sessionId} processId={session.processId} />
      <Link className="button button-primary" to={`/sessions/${sessionId}/tour`}>
        {t('tours.open')}
      </Link>
    </section>
  );
}
