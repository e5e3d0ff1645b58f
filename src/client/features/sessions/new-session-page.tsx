import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { createSession, useSessions, type SessionView } from '../../data/use-sessions';
import { useAccount } from '../../data/use-account';
import { useProcess } from '../../data/use-processes';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { FollowUpSection } from './follow-up-section';
import { SessionForm } from './session-form';
import { newSessionValues, type SessionFormValues } from './session-form-values';
import './strings';
import { BackLink } from '../../ui/back-link';

export interface SessionPageProps {
  onDirtyChange?(dirty: boolean): void;
}

function NewSessionForm({
  processId,
  facilitator,
  previous,
  onDirtyChange,
}: SessionPageProps & {
  processId: string;
  facilitator: string | undefined;
  previous: SessionView | undefined;
}) {
  const { t } = useTranslation();
  const [defaults] = useState<SessionFormValues>(() => newSessionValues(processId, facilitator, previous));
  const back = `/processes/${processId}`;
  return (
    <SessionForm
      defaultValues={defaults}
      submitLabel={t('sessions.save')}
      cancelTo={back}
      onDirtyChange={onDirtyChange}
      intro={<FollowUpSection processId={processId} />}
      onSubmit={async (session) => {
        const id = await createSession(session);
        return {
          to: back,
          notice: {
            key: 'sessions.saved.created',
            link: { to: `/sessions/${id}`, key: 'sessions.saved.open' },
          },
        };
      }}
    />
  );
}

/**
 * `/processes/:processId/sessions/new`: a new session prefilled with today,
 * the signed-in facilitator and the type and place of the process's latest
 * session; earlier open agreements are listed for follow-up.
 */
export function NewSessionPage({ onDirtyChange }: SessionPageProps) {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const process = useProcess(processId);
  const account = useAccount();
  // Newest first: the latest session gives the defaults.
  const sessions = useSessions(processId);
  if (process === undefined || account === undefined || sessions === undefined) return <Loading />;
  if (process === null) return <NotFound message={t('processes.notFound')} />;
  return (
    <section>
      <BackLink to={`/processes/${processId}`}>{process.name}</BackLink>
      <PageHeading title={t('sessions.newTitle')}>{t('sessions.newTitle')}</PageHeading>
      <NewSessionForm
        processId={processId}
        facilitator={account?.user.displayName}
        previous={sessions[0]}
        onDirtyChange={onDirtyChange}
      />
    </section>
  );
}
