import { StrictMode } from 'react';
import { ProblemsPage } from '../features/problems/problems-page';
import { ProblemFormPage } from '../features/problems/problem-form-page';
import { NewRoundPage } from '../features/prioritisation/new-round-page';
import { RoundPage } from '../features/prioritisation/round-page';
import { ScoreRubricPage } from '../features/rubrics/score-rubric-page';
import { RubricTemplatesPage } from '../features/rubrics/rubric-templates-page';
import { RubricTemplateEditorPage } from '../features/rubrics/rubric-template-editor-page';
import { RubricAveragesPage } from '../features/rubrics/rubric-averages-page';
import { BrowserRouter, Route, Routes, useParams } from 'react-router';
import { LoginPage } from '../features/auth/login-page';
import { DevicesPage } from '../features/devices/devices-page';
import { SetupPage } from '../features/auth/setup-page';
import { NewProcessPage } from '../features/processes/new-process-page';
import { ProcessPage } from '../features/processes/process-page';
import { ProcessesPage } from '../features/processes/processes-page';
import { EditSessionPage } from '../features/sessions/edit-session-page';
import { NewSessionPage } from '../features/sessions/new-session-page';
import { SyncPage } from '../features/sync-status/sync-page';
import { ProcessUnitsMap } from '../features/maps/process-units-map';
import { StageOverview } from '../features/maps/stage-overview';
import { TerritoryPage } from '../features/territory/territory-page';
import { useAccount } from '../data';
import { NotFoundPage } from './not-found-page';
import { AppLayout, PublicLayout } from './layout';
import { useDirtyReporter } from './unsaved-store';
import { syncNow, useSyncStatus } from './use-sync';

function SyncRoute() {
  return <SyncPage status={useSyncStatus()} onSyncNow={syncNow} />;
}

function NewProcessRoute() {
  return <NewProcessPage onDirtyChange={useDirtyReporter('process-form')} />;
}

function NewSessionRoute() {
  return <NewSessionPage onDirtyChange={useDirtyReporter('session-form')} />;
}

function EditSessionRoute() {
  return <EditSessionPage onDirtyChange={useDirtyReporter('session-form')} />;
}

function ProblemFormRoute() {
  return <ProblemFormPage onDirtyChange={useDirtyReporter('problem-form')} />;
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

/** Home: the processes; coordinators also see the borough's units coloured by stage. */
function HomeRoute() {
  const role = useAccount()?.user.role;
  return (
    <>
      <ProcessesPage />
      {role === 'coordinator' || role === 'admin' ? <StageOverview /> : null}
    </>
  );
}

function ProcessRoute() {
  const { id = '' } = useParams();
  return (
    <>
      <ProcessPage />
      <ProcessUnitsMap processId={id} />
    </>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/setup" element={<SetupPage />} />
      </Route>
      <Route element={<AppLayout />}>
        <Route index element={<HomeRoute />} />
        <Route path="/processes/new" element={<NewProcessRoute />} />
        <Route path="/processes/:id" element={<ProcessRoute />} />
        <Route path="/processes/:processId/sessions/new" element={<NewSessionRoute />} />
        <Route path="/sessions/:id" element={<EditSessionRoute />} />
        <Route path="/processes/:processId/problems" element={<ProblemsPage />} />
        <Route path="/processes/:processId/problems/new" element={<ProblemFormRoute />} />
        <Route path="/problems/:id" element={<ProblemFormRoute />} />
        <Route path="/sessions/:sessionId/rounds/new" element={<NewRoundRoute />} />
        <Route path="/rounds/:id" element={<RoundRoute />} />
        <Route path="/processes/:processId/rubrics/score" element={<ScoreRubricRoute />} />
        <Route path="/rubrics" element={<RubricTemplatesPage />} />
        <Route path="/rubrics/averages" element={<RubricAveragesPage />} />
        <Route path="/rubrics/new" element={<RubricTemplateEditorRoute />} />
        <Route path="/rubrics/:id/edit" element={<RubricTemplateEditorRoute />} />
        <Route path="/sync" element={<SyncRoute />} />
        <Route path="/devices" element={<DevicesPage />} />
        <Route path="/territory" element={<TerritoryPage onImported={syncNow} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <StrictMode>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </StrictMode>
  );
}
