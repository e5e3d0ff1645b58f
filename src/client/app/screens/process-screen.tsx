/**
 * `/processes/:id`: the process page with what the other features hold for the process — the
 * self-diagnosis summary, the vision, the projects and actions, the Local Agenda, the rubric
 * history, the tours' exports, the public page — and its units on the map.
 * Screens that compose several features live here, so features never import each other.
 */
import { useParams } from 'react-router';
import { ProcessAgendaSummary } from '../../features/agenda/process-agenda-summary';
import { ProcessPendingSummary } from '../../features/follow-up/process-pending-summary';
import { ProcessPage } from '../../features/processes/process-page';
import { ProcessProblemsSummary } from '../../features/problems/process-problems-summary';
import { ProcessProjectsSummary } from '../../features/projects/process-projects-summary';
import { PublicPageSection } from '../../features/public-page/public-page-section';
import { ProcessRubricHistory } from '../../features/rubrics/process-rubric-history';
import { ProcessTourExports } from '../../features/tour-exports/process-tour-exports';
import { ProcessVisionSummary } from '../../features/vision/process-vision-summary';
import { ProcessUnitsMap } from '../../widgets/maps/process-units-map';
// A session saved or deleted lands here and is confirmed in the sessions' words, also after a reload.
import '../../features/sessions/strings';

export function ProcessScreen() {
  const { id = '' } = useParams();
  return (
    <>
      <ProcessPage
        sections={
          <>
            <ProcessProblemsSummary processId={id} />
            <ProcessVisionSummary processId={id} />
            <ProcessProjectsSummary processId={id} />
            <ProcessAgendaSummary processId={id} />
            <ProcessPendingSummary processId={id} />
            <PublicPageSection processId={id} />
            <ProcessRubricHistory processId={id} />
            <ProcessTourExports processId={id} />
          </>
        }
      />
      <ProcessUnitsMap processId={id} />
    </>
  );
}
