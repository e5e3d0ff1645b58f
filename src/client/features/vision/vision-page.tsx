import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { THEMATIC_AREAS } from '../../../domain';
import { useSessions } from '../../data/use-sessions';
import { useVisions, type VisionView } from '../../data/use-vision';
import { ProcessListPage } from '../../widgets/process-list-page';
import { Loading } from '../../ui/status-views';
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

/** The statements under their thematic area, in the programme's order of areas. */
export function VisionByTheme({
  visions,
  sessionTitles,
  idPrefix,
}: {
  visions: VisionView[];
  sessionTitles: Map<string, string>;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {THEMATIC_AREAS.map((area) => {
        const inArea = visions.filter((v) => v.theme === area);
        if (inArea.length === 0) return null;
        const headingId = `${idPrefix}-${area}`;
        return (
          <section key={area} aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t('vision.themeHeading', { theme: t(`vocabulary.themes.${area}`), count: inArea.length })}
            </h2>
            <ul className="card-grid plain-list">
              {inArea.map((vision) => (
                <VisionCard
                  key={vision.id}
                  vision={vision}
                  sessionTitle={sessionTitles.get(vision.sessionId)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
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
      <VisionByTheme visions={visions} sessionTitles={titles} idPrefix="vision-theme" />
    </ProcessListPage>
  );
}
