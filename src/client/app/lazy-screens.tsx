import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Loading } from '../ui/status-views';

/**
 * A screen loaded on demand: its code is a separate chunk (precached by the
 * service worker, so it opens offline too) and the local "loading" status
 * shows for the moment the chunk takes to load. Only the layout (header,
 * sign-in check, sync state) is in the first download.
 */
export function lazyScreen<Props extends object>(
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

/** Each screen's module, named by the component it exports; every `import()` is its own chunk. */
const loaders = {
  LoginPage: () => import('../features/auth/login-page'),
  SetupPage: () => import('../features/auth/setup-page'),
  ProblemsPage: () => import('../features/problems/problems-page'),
  ProblemScreen: () => import('./screens/problem-screen'),
  VisionPage: () => import('../features/vision/vision-page'),
  VisionFormPage: () => import('../features/vision/vision-form-page'),
  ProjectsPage: () => import('../features/projects/projects-page'),
  ProjectScreen: () => import('./screens/project-screen'),
  ProjectFormPage: () => import('../features/projects/project-form-page'),
  GovernmentAreasPage: () => import('../features/government-areas/government-areas-page'),
  GovernmentAreaPage: () => import('../features/government-areas/area-page'),
  ProjectStatusesPage: () => import('../features/project-statuses/project-statuses-page'),
  PendingPage: () => import('../features/follow-up/pending-page'),
  NewRoundPage: () => import('../features/prioritisation/new-round-page'),
  RoundPage: () => import('../features/prioritisation/round-page'),
  ScoreRubricPage: () => import('../features/rubrics/score-rubric-page'),
  RubricTemplatesPage: () => import('../features/rubrics/rubric-templates-page'),
  RubricTemplateEditorPage: () => import('../features/rubrics/rubric-template-editor-page'),
  RubricAveragesPage: () => import('../features/rubrics/rubric-averages-page'),
  AgendaPage: () => import('../features/agenda/agenda-page'),
  AgendaVersionPage: () => import('../features/agenda/version-page'),
  MinutesPage: () => import('../features/agenda/minutes-page'),
  TourScreen: () => import('./screens/tour-screen'),
  TourNoteScreen: () => import('./screens/tour-note-screen'),
  MapPacksPage: () => import('../features/map-packs/map-packs-page'),
  AccountsPage: () => import('../features/accounts/accounts-page'),
  AccountFormPage: () => import('../features/accounts/account-form-page'),
  OfficePage: () => import('../features/office/office-page'),
  EnrolmentPage: () => import('../features/enrolment/enrolment-page'),
  EnrolPage: () => import('../features/enrolment/enrol-page'),
  DevicesPage: () => import('../features/devices/devices-page'),
  NewProcessPage: () => import('../features/processes/new-process-page'),
  ProcessScreen: () => import('./screens/process-screen'),
  ProcessesPage: () => import('../features/processes/processes-page'),
  SessionScreen: () => import('./screens/session-screen'),
  NewSessionPage: () => import('../features/sessions/new-session-page'),
  PublicPosterPage: () => import('../features/public-page/public-poster-page'),
  SyncPage: () => import('../features/sync-status/sync-page'),
  TerritoryPage: () => import('../features/territory/territory-page'),
  // The review queue (coordinators) and the field's novedades.
  ReviewPage: () => import('../features/review/review-page'),
  ReviewItemPage: () => import('../features/review/review-item-page'),
  NovedadesPage: () => import('../features/novedades/novedades-page'),
};

type Loaders = typeof loaders;

/** Each screen of `loaders` as the component its module exports under that name. */
type Screens = {
  [Name in keyof Loaders]: Awaited<ReturnType<Loaders[Name]>> extends infer Module
    ? Name extends keyof Module
      ? Module[Name]
      : never
    : never;
};

function lazyScreens(): Screens {
  const entries = Object.entries(loaders).map(([name, load]) => [
    name,
    lazyScreen(async () => (await load())[name as keyof Awaited<ReturnType<typeof load>>] as ComponentType),
  ]);
  return Object.fromEntries(entries) as Screens;
}

/** The app's screens, each loaded when it is first shown. */
export const screens = lazyScreens();

/**
 * The screens a device meets before anyone signs in on it. When the app opens on one of them its
 * code is fetched at once, alongside the frame's start-up (language, device database), instead of
 * after the frame has drawn and asked for it.
 */
const FIRST_SCREENS: Record<string, () => Promise<unknown>> = {
  '/login': loaders.LoginPage,
  '/setup': loaders.SetupPage,
  '/enrol': loaders.EnrolPage,
};

/** Starts loading the code of the screen at `pathname` if it is one of the first screens. */
export function preloadFirstScreen(pathname: string): void {
  void FIRST_SCREENS[pathname]?.().catch(() => undefined);
}
