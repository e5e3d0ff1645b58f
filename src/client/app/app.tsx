import { StrictMode, type ComponentType, type ReactNode } from 'react';
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

/** The signed-in app's pages: each address and what it shows. */
const APP_ROUTES: [path: string, element: ReactNode][] = [
  ['/processes/new', <NewProcessRoute />],
  ['/processes/:id', <screens.ProcessScreen />],
  ['/processes/:id/cartel', <screens.PublicPosterPage />],
  ['/processes/:processId/sessions/new', <NewSessionRoute />],
  ['/sessions/:id', <screens.SessionScreen />],
  ['/processes/:processId/problems', <screens.ProblemsPage />],
  ['/processes/:processId/problems/new', <screens.ProblemScreen />],
  ['/problems/:id', <screens.ProblemScreen />],
  ['/processes/:processId/vision', <screens.VisionPage />],
  ['/processes/:processId/vision/new', <VisionFormRoute />],
  ['/vision/:id', <VisionFormRoute />],
  ['/processes/:processId/projects', <screens.ProjectsPage />],
  ['/processes/:processId/projects/new', <ProjectFormRoute />],
  ['/projects/:id', <screens.ProjectScreen />],
  ['/processes/:processId/pendientes', <screens.PendingPage />],
  ['/pendientes', <screens.PendingPage />],
  ['/projects/:id/edit', <ProjectFormRoute />],
  ['/sessions/:sessionId/rounds/new', <NewRoundRoute />],
  ['/rounds/:id', <RoundRoute />],
  ['/processes/:processId/rubrics/score', <ScoreRubricRoute />],
  ['/rubrics', <screens.RubricTemplatesPage />],
  ['/rubrics/averages', <screens.RubricAveragesPage />],
  ['/rubrics/new', <RubricTemplateEditorRoute />],
  ['/rubrics/:id/edit', <RubricTemplateEditorRoute />],
  ['/processes/:processId/agenda', <AgendaRoute />],
  ['/agenda/:id', <screens.AgendaVersionPage />],
  ['/sessions/:id/minutes', <screens.MinutesPage />],
  ['/sessions/:id/tour', <screens.TourScreen />],
  ['/sessions/:sessionId/notes/new', <screens.TourNoteScreen />],
  ['/notes/:id', <screens.TourNoteScreen />],
  ['/map-packs', <screens.MapPacksPage onUploaded={syncNow} />],
  ['/sync', <SyncRoute />],
  ['/devices', <screens.DevicesPage />],
  ['/office', <screens.OfficePage />],
  ['/accounts', <screens.AccountsPage />],
  ['/accounts/new', <screens.AccountFormPage />],
  ['/accounts/:id/edit', <screens.AccountFormPage />],
  ['/enrolment', <screens.EnrolmentPage />],
  ['/territory', <screens.TerritoryPage onImported={syncNow} />],
  ['/government-areas', <screens.GovernmentAreasPage />],
  ['/government-areas/:id', <screens.GovernmentAreaPage />],
  ['/project-statuses', <screens.ProjectStatusesPage />],
  // Review queue and novedades
  ['/office/review', <screens.ReviewPage />],
  ['/office/review/:id', <screens.ReviewItemPage />],
  ['/novedades', <screens.NovedadesPage />],
];

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
        {APP_ROUTES.map(([path, element]) => (
          <Route key={path} path={path} element={element} />
        ))}
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
