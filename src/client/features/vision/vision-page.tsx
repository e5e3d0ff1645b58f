import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSessions } from '../../data/use-sessions';
import { useVisions, type VisionView } from '../../data/use-vision';
import { ProcessListPage } from '../../widgets/process-list-page';
import { Loading } from '../../ui/status-views';
import { ThemeSections } from '../../ui/vocabulary/theme-sections';
import './strings';

function VisionCard({ vision, sessionTitle }: { vision: VisionView; sessionTitle: string | undefined }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/vision/${vision.id}`} className="card card-link">
        <p className="card-title">{vision.text}</p>
        <p>
          {sessionTitle ? `${t('vision.recordedIn', { session: sessionTitle })} · ` : ''}
          {t('vision.answers', { count: vision.problemIds?.length ?? 0 })} ·{' '}
          {t('vision.photosCount', { count: vision.photos?.length ?? 0 })}
        </p>
      </Link>
    </li>
  );
}

/** `/processes/:processId/vision`: the neighbourhood the community wants, by thematic area. */
export function VisionPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const visions = useVisions(processId);
  const sessions = useSessions(processId);
  if (visions === undefined || sessions === undefined) return <Loading />;
  const titles = new Map(sessions.map((s) => [s.id, s.title]));
  return (
    <ProcessListPage processId={processId} kind="vision" title={t('vision.title')} count={visions.length}>
      <ThemeSections items={visions} idPrefix="vision-theme" headingKey="vision.themeHeading">
        {(vision) => (
          <VisionCard key={vision.id} vision={vision} sessionTitle={titles.get(vision.sessionId)} />
        )}
      </ThemeSections>
    </ProcessListPage>
  );
}
