import { StrictMode, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useAccount } from '../data/use-account';
import { lazyScreen, screens } from './lazy-screens';
import { NotFoundPage } from './not-found-page';
import { AppLayout, PublicLayout } from './layout';
import { ScreenLockGate } from './screen-lock-gate';
import { useDirtyReporter } from './unsaved-store';
import { syncNow, useSyncStatus } from './use-sync';

// The maps sit under a page that already shows its own status: no second "loading" line.
const StageOverview = lazyScreen(
  async () => (await import('../widgets/maps/stage-overview')).StageOverview,
  null,
);

/** A form's screen that tells the app (the unsaved-input guard) when it holds unsaved input, as `form`. */
function reportingDirty(Page: ComponentType<{ onDirtyChange?: (dirty: boolean) => void }>, form: string) {
  function DirtyReportingRoute() {
    return <Page onDirtyChange={useDirtyReporter(form)} />;
  }
  return DirtyReportingRoute;
}

const NewProcessRoute = reportingDirty(screens.NewProcessPage, 'process-form');
const NewSessionRoute = reportingDirty(screens.NewSessionPage, 'session-form');
const VisionFormRoute = reportingDirty(screens.VisionFormPage, 'vision-form');
const ProjectFormRoute = reportingDirty(screens.ProjectFormPage, 'project-form');
const NewRoundRoute = reportingDirty(screens.NewRoundPage, 'round-form');
const RoundRoute = reportingDirty(screens.RoundPage, 'ballot');
const ScoreRubricRoute = reportingDirty(screens.ScoreRubricPage, 'rubric-score');
const RubricTemplateEditorRoute = reportingDirty(screens.RubricTemplateEditorPage, 'rubric-template');
const AgendaRoute = reportingDirty(screens.AgendaPage, 'agenda-assemble');

export { preloadFirstScreen } from './lazy-screens';

function SyncRoute() {
  return <screens.SyncPage status={useSyncStatus()} onSyncNow={syncNow} />;
}

/** Home: the processes; coordinators also see the borough's units coloured by stage. */
function HomeRoute() {
  const role = useAccount()?.user.role;
  const status = useSyncStatus();
  return (
    <>
      <screens.ProcessesPage syncStatus={status} />
      {role === 'coordinator' || role === 'admin' ? <StageOverview /> : null}
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/login" element={<screens.LoginPage />} />
        <Route path="/setup" element={<screens.SetupPage />} />
        <Route path="/enrol" element={<screens.EnrolPage />} />
      </Route>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="/processes/new" element={<NewProcessRoute />} />
        <Route path="/processes/:id" element={<screens.ProcessScreen />} />
        <Route path="/processes/:id/cartel" element={<screens.PublicPosterPage />} />
        <Route path="/processes/:processId/sessions/new" element={<NewSessionRoute />} />
        <Route path="/sessions/:id" element={<screens.SessionScreen />} />
        <Route path="/processes/:processId/problems" element={<screens.ProblemsPage />} />
        <Route path="/processes/:processId/problems/new" element={<screens.ProblemScreen />} />
        <Route path="/problems/:id" element={<screens.ProblemScreen />} />
        <Route path="/processes/:processId/vision" element={<screens.VisionPage />} />
        <Route path="/processes/:processId/vision/new" element={<VisionFormRoute />} />
        <Route path="/vision/:id" element={<VisionFormRoute />} />
        <Route path="/processes/:processId/projects" element={<screens.ProjectsPage />} />
        <Route path="/processes/:processId/projects/new" element={<ProjectFormRoute />} />
        <Route path="/projects/:id" element={<screens.ProjectScreen />} />
        <Route path="/processes/:processId/pendientes" element={<screens.PendingPage />} />
        <Route path="/pendientes" element={<screens.PendingPage />} />
        <Route path="/projects/:id/edit" element={<ProjectFormRoute />} />
        <Route path="/sessions/:sessionId/rounds/new" element={<NewRoundRoute />} />
        <Route path="/rounds/:id" element={<RoundRoute />} />
        <Route path="/processes/:processId/rubrics/score" element={<ScoreRubricRoute />} />
        <Route path="/rubrics" element={<screens.RubricTemplatesPage />} />
        <Route path="/rubrics/averages" element={<screens.RubricAveragesPage />} />
        <Route path="/rubrics/new" element={<RubricTemplateEditorRoute />} />
        <Route path="/rubrics/:id/edit" element={<RubricTemplateEditorRoute />} />
        <Route path="/processes/:processId/agenda" element={<AgendaRoute />} />
        <Route path="/agenda/:id" element={<screens.AgendaVersionPage />} />
        <Route path="/sessions/:id/minutes" element={<screens.MinutesPage />} />
        <Route path="/sessions/:id/tour" element={<screens.TourScreen />} />
        <Route path="/sessions/:sessionId/notes/new" element={<screens.TourNoteScreen />} />
        <Route path="/notes/:id" element={<screens.TourNoteScreen />} />
        <Route path="/map-packs" element={<screens.MapPacksPage onUploaded={syncNow} />} />
        <Route path="/sync" element={<SyncRoute />} />
        <Route path="/devices" element={<screens.DevicesPage />} />
        <Route path="/office" element={<screens.OfficePage />} />
        <Route path="/accounts" element={<screens.AccountsPage />} />
        <Route path="/accounts/new" element={<screens.AccountFormPage />} />
        <Route path="/accounts/:id/edit" element={<screens.AccountFormPage />} />
        <Route path="/enrolment" element={<screens.EnrolmentPage />} />
        <Route path="/territory" element={<screens.TerritoryPage onImported={syncNow} />} />
        <Route path="/government-areas" element={<screens.GovernmentAreasPage />} />
        <Route path="/government-areas/:id" element={<screens.GovernmentAreaPage />} />
        <Route path="/project-statuses" element={<screens.ProjectStatusesPage />} />
        {/* Review queue and novedades */}
        <Route path="/office/review" element={<screens.ReviewPage />} />
        <Route path="/office/review/:id" element={<screens.ReviewItemPage />} />
        <Route path="/novedades" element={<screens.NovedadesPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <StrictMode>
      <BrowserRouter>
        <ScreenLockGate>
          <AppRoutes />
        </ScreenLockGate>
      </BrowserRouter>
    </StrictMode>
  );
}
