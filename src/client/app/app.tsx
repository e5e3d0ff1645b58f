import { lazy, StrictMode, Suspense, type ComponentType, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { useAccount } from '../data/use-account';
import { Loading } from '../ui/status-views';
import { NotFoundPage } from './not-found-page';
import { AppLayout, PublicLayout } from './layout';
import { ScreenLockGate } from './screen-lock-gate';
import { useDirtyReporter } from './unsaved-store';
import { syncNow, useSyncStatus } from './use-sync';

/**
 * A screen loaded on demand: its code is a separate chunk (precached by the
 * service worker, so it opens offline too) and the local "loading" status
 * shows for the moment the chunk takes to load. Only the layout (header,
 * sign-in check, sync state) is in the first download.
 */
function lazyScreen<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
  fallback: ReactNode = <Loading />,
): ComponentType<Props> {
  const Screen = lazy(async () => ({ default: await load() }));
  function LazyScreen(props: Props) {
    return (
      <Suspense fallback={fallback}>
        <Screen {...props} />
      </Suspense>
    );
  }
  return LazyScreen;
}

const LoginPage = lazyScreen(async () => (await import('../features/auth/login-page')).LoginPage);
const SetupPage = lazyScreen(async () => (await import('../features/auth/setup-page')).SetupPage);
const ProblemsPage = lazyScreen(
  async () => (await import('../features/problems/problems-page')).ProblemsPage,
);
const ProblemScreen = lazyScreen(async () => (await import('./screens/problem-screen')).ProblemScreen);
const VisionPage = lazyScreen(async () => (await import('../features/vision/vision-page')).VisionPage);
const VisionFormPage = lazyScreen(
  async () => (await import('../features/vision/vision-form-page')).VisionFormPage,
);
const ProjectsPage = lazyScreen(
  async () => (await import('../features/projects/projects-page')).ProjectsPage,
);
const ProjectScreen = lazyScreen(async () => (await import('./screens/project-screen')).ProjectScreen);
const ProjectFormPage = lazyScreen(
  async () => (await import('../features/projects/project-form-page')).ProjectFormPage,
);
const GovernmentAreasPage = lazyScreen(
  async () => (await import('../features/government-areas/government-areas-page')).GovernmentAreasPage,
);
const GovernmentAreaPage = lazyScreen(
  async () => (await import('../features/government-areas/area-page')).GovernmentAreaPage,
);
const ProjectStatusesPage = lazyScreen(
  async () => (await import('../features/project-statuses/project-statuses-page')).ProjectStatusesPage,
);
const PendingPage = lazyScreen(async () => (await import('../features/follow-up/pending-page')).PendingPage);
const NewRoundPage = lazyScreen(
  async () => (await import('../features/prioritisation/new-round-page')).NewRoundPage,
);
const RoundPage = lazyScreen(async () => (await import('../features/prioritisation/round-page')).RoundPage);
const ScoreRubricPage = lazyScreen(
  async () => (await import('../features/rubrics/score-rubric-page')).ScoreRubricPage,
);
const RubricTemplatesPage = lazyScreen(
  async () => (await import('../features/rubrics/rubric-templates-page')).RubricTemplatesPage,
);
const RubricTemplateEditorPage = lazyScreen(
  async () => (await import('../features/rubrics/rubric-template-editor-page')).RubricTemplateEditorPage,
);
const RubricAveragesPage = lazyScreen(
  async () => (await import('../features/rubrics/rubric-averages-page')).RubricAveragesPage,
);
const AgendaPage = lazyScreen(async () => (await import('../features/agenda/agenda-page')).AgendaPage);
const AgendaVersionPage = lazyScreen(
  async () => (await import('../features/agenda/version-page')).AgendaVersionPage,
);
const MinutesPage = lazyScreen(async () => (await import('../features/agenda/minutes-page')).MinutesPage);
const TourScreen = lazyScreen(async () => (await import('./screens/tour-screen')).TourScreen);
const TourNoteScreen = lazyScreen(async () => (await import('./screens/tour-note-screen')).TourNoteScreen);
const MapPacksPage = lazyScreen(
  async () => (await import('../features/map-packs/map-packs-page')).MapPacksPage,
);
const AccountsPage = lazyScreen(
  async () => (await import('../features/accounts/accounts-page')).AccountsPage,
);
const AccountFormPage = lazyScreen(
  async () => (await import('../features/accounts/account-form-page')).AccountFormPage,
);
const OfficePage = lazyScreen(async () => (await import('../features/office/office-page')).OfficePage);
const EnrolmentPage = lazyScreen(
  async () => (await import('../features/enrolment/enrolment-page')).EnrolmentPage,
);
const EnrolPage = lazyScreen(async () => (await import('../features/enrolment/enrol-page')).EnrolPage);
const DevicesPage = lazyScreen(async () => (await import('../features/devices/devices-page')).DevicesPage);
const NewProcessPage = lazyScreen(
  async () => (await import('../features/processes/new-process-page')).NewProcessPage,
);
const ProcessScreen = lazyScreen(async () => (await import('./screens/process-screen')).ProcessScreen);
const ProcessesPage = lazyScreen(
  async () => (await import('../features/processes/processes-page')).ProcessesPage,
);
const SessionScreen = lazyScreen(async () => (await import('./screens/session-screen')).SessionScreen);
const NewSessionPage = lazyScreen(
  async () => (await import('../features/sessions/new-session-page')).NewSessionPage,
);
const PublicPosterPage = lazyScreen(
  async () => (await import('../features/public-page/public-poster-page')).PublicPosterPage,
);
const SyncPage = lazyScreen(async () => (await import('../features/sync-status/sync-page')).SyncPage);
const TerritoryPage = lazyScreen(
  async () => (await import('../features/territory/territory-page')).TerritoryPage,
);
// The review queue (coordinators) and the field's novedades.
const ReviewPage = lazyScreen(async () => (await import('../features/review/review-page')).ReviewPage);
const ReviewItemPage = lazyScreen(
  async () => (await import('../features/review/review-item-page')).ReviewItemPage,
);
const NovedadesPage = lazyScreen(
  async () => (await import('../features/novedades/novedades-page')).NovedadesPage,
);
// The maps sit under a page that already shows its own status: no second "loading" line.
const StageOverview = lazyScreen(
  async () => (await import('../widgets/maps/stage-overview')).StageOverview,
  null,
);

/**
 * The screens a device meets before anyone signs in on it. When the app opens on one of them its
 * code is fetched at once, alongside the frame's start-up (language, device database), instead of
 * after the frame has drawn and asked for it.
 */
const FIRST_SCREENS: Record<string, () => Promise<unknown>> = {
  '/login': () => import('../features/auth/login-page'),
  '/setup': () => import('../features/auth/setup-page'),
  '/enrol': () => import('../features/enrolment/enrol-page'),
};

/** Starts loading the code of the screen at `pathname` if it is one of the first screens. */
export function preloadFirstScreen(pathname: string): void {
  void FIRST_SCREENS[pathname]?.().catch(() => undefined);
}

function SyncRoute() {
  return <SyncPage status={useSyncStatus()} onSyncNow={syncNow} />;
}

function NewProcessRoute() {
  return <NewProcessPage onDirtyChange={useDirtyReporter('process-form')} />;
}

function NewSessionRoute() {
  return <NewSessionPage onDirtyChange={useDirtyReporter('session-form')} />;
}

function VisionFormRoute() {
  return <VisionFormPage onDirtyChange={useDirtyReporter('vision-form')} />;
}

function ProjectFormRoute() {
  return <ProjectFormPage onDirtyChange={useDirtyReporter('project-form')} />;
}

function NewRoundRoute() {
  return <NewRoundPage onDirtyChange={useDirtyReporter('round-form')} />;
}

function RoundRoute() {
  return <RoundPage onDirtyChange={useDirtyReporter('ballot')} />;
}

function ScoreRubricRoute() {
  return <ScoreRubricPage onDirtyChange={useDirtyReporter('rubric-score')} />;
}

function RubricTemplateEditorRoute() {
  return <RubricTemplateEditorPage onDirtyChange={useDirtyReporter('rubric-template')} />;
}

function AgendaRoute() {
  return <AgendaPage onDirtyChange={useDirtyReporter('agenda-assemble')} />;
}

/** Home: the processes; coordinators also see the borough's units coloured by stage. */
function HomeRoute() {
  const role = useAccount()?.user.role;
  const status = useSyncStatus();
  return (
    <>
      <ProcessesPage syncStatus={status} />
      {role === 'coordinator' || role === 'admin' ? <StageOverview /> : null}
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/enrol" element={<EnrolPage />} />
      </Route>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="/processes/new" element={<NewProcessRoute />} />
        <Route path="/processes/:id" element={<ProcessScreen />} />
        <Route path="/processes/:id/cartel" element={<PublicPosterPage />} />
        <Route path="/processes/:processId/sessions/new" element={<NewSessionRoute />} />
        <Route path="/sessions/:id" element={<SessionScreen />} />
        <Route path="/processes/:processId/problems" element={<ProblemsPage />} />
        <Route path="/processes/:processId/problems/new" element={<ProblemScreen />} />
        <Route path="/problems/:id" element={<ProblemScreen />} />
        <Route path="/processes/:processId/vision" element={<VisionPage />} />
        <Route path="/processes/:processId/vision/new" element={<VisionFormRoute />} />
        <Route path="/vision/:id" element={<VisionFormRoute />} />
        <Route path="/processes/:processId/projects" element={<ProjectsPage />} />
        <Route path="/processes/:processId/projects/new" element={<ProjectFormRoute />} />
        <Route path="/projects/:id" element={<ProjectScreen />} />
        <Route path="/processes/:processId/pendientes" element={<PendingPage />} />
        <Route path="/pendientes" element={<PendingPage />} />
        <Route path="/projects/:id/edit" element={<ProjectFormRoute />} />
        <Route path="/sessions/:sessionId/rounds/new" element={<NewRoundRoute />} />
        <Route path="/rounds/:id" element={<RoundRoute />} />
        <Route path="/processes/:processId/rubrics/score" element={<ScoreRubricRoute />} />
        <Route path="/rubrics" element={<RubricTemplatesPage />} />
        <Route path="/rubrics/averages" element={<RubricAveragesPage />} />
        <Route path="/rubrics/new" element={<RubricTemplateEditorRoute />} />
        <Route path="/rubrics/:id/edit" element={<RubricTemplateEditorRoute />} />
        <Route path="/processes/:processId/agenda" element={<AgendaRoute />} />
        <Route path="/agenda/:id" element={<AgendaVersionPage />} />
        <Route path="/sessions/:id/minutes" element={<MinutesPage />} />
        <Route path="/sessions/:id/tour" element={<TourScreen />} />
        <Route path="/sessions/:sessionId/notes/new" element={<TourNoteScreen />} />
        <Route path="/notes/:id" element={<TourNoteScreen />} />
        <Route path="/map-packs" element={<MapPacksPage onUploaded={syncNow} />} />
        <Route path="/sync" element={<SyncRoute />} />
        <Route path="/devices" element={<DevicesPage />} />
        <Route path="/office" element={<OfficePage />} />
        <Route path="/accounts" element={<AccountsPage />} />
        <Route path="/accounts/new" element={<AccountFormPage />} />
        <Route path="/accounts/:id/edit" element={<AccountFormPage />} />
        <Route path="/enrolment" element={<EnrolmentPage />} />
        <Route path="/territory" element={<TerritoryPage onImported={syncNow} />} />
        <Route path="/government-areas" element={<GovernmentAreasPage />} />
        <Route path="/government-areas/:id" element={<GovernmentAreaPage />} />
        <Route path="/project-statuses" element={<ProjectStatusesPage />} />
        {/* Review queue and novedades */}
        <Route path="/office/review" element={<ReviewPage />} />
        <Route path="/office/review/:id" element={<ReviewItemPage />} />
        <Route path="/novedades" element={<NovedadesPage />} />
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
