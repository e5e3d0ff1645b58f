import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Session } from '../../../domain';
import { createSession, useSessions, type SessionView } from '../../data/use-sessions';
import { useAccount } from '../../data/use-account';
import { useProcess } from '../../data/use-processes';
import { RecordPage, useNewRecordForm, type FormPageProps } from '../../ui/record-page';
import { FollowUpSection } from './follow-up-section';
import { SessionForm } from './session-form';
import { newSessionValues, type SessionFormValues } from './session-form-values';
import './strings';

/** The notice's link to a saved session: the process page it lands on lists it, but does not open it. */
export const openSavedSession = (id: string) => ({ to: `/sessions/${id}`, key: 'sessions.saved.open' });

function NewSessionForm({
  processId,
  facilitator,
  previous,
  onDirtyChange,
}: FormPageProps & {
  processId: string;
  facilitator: string | undefined;
  previous: SessionView | undefined;
}) {
  const form = useNewRecordForm<SessionFormValues, Session>({
    ns: 'sessions',
    defaults: () => newSessionValues(processId, facilitator, previous),
    cancelTo: `/processes/${processId}`,
    create: createSession,
    link: openSavedSession,
    onDirtyChange,
  });
  return <SessionForm {...form} intro={<FollowUpSection processId={processId} />} />;
}

/**
 * `/processes/:processId/sessions/new`: a new session prefilled with today,
 * the signed-in facilitator and the type and place of the process's latest
 * session; earlier open agreements are listed for follow-up.
 */
export function NewSessionPage({ onDirtyChange }: FormPageProps) {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const process = useProcess(processId);
  const account = useAccount();
  // Newest first: the latest session gives the defaults.
  const sessions = useSessions(processId);
  return (
    <RecordPage
      record={process}
      loading={account === undefined || sessions === undefined}
      notFound={t('processes.notFound')}
      back={(p) => ({ to: `/processes/${processId}`, label: p.name })}
      title={() => t('sessions.newTitle')}
    >
      {() => (
        <NewSessionForm
          processId={processId}
          facilitator={account?.user.displayName}
          previous={sessions?.[0]}
          onDirtyChange={onDirtyChange}
        />
      )}
    </RecordPage>
  );
}
