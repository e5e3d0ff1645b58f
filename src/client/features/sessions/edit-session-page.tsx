import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { deleteSession, updateSession, useProcess, useSession, type SessionView } from '../../data';
import { PageHeading } from '../../ui/page-heading';
import { errorReason } from '../../ui/use-entity-form';
import { Loading, NotFound } from '../../ui/status-views';
import type { SessionPageProps } from './new-session-page';
import { SessionForm } from './session-form';
import { SessionRounds } from '../prioritisation/session-rounds';
import { SessionTourLink } from '../tours/session-tour-link';
import { SessionRubricLink } from '../rubrics/session-rubric-link';
import { changedFields, sessionToFormValues, type SessionFormValues } from './session-form-values';

function EditSessionForm({ session, onDirtyChange }: SessionPageProps & { session: SessionView }) {
  const { t } = useTranslation();
  // The values the form opened with: the edit is the difference from these, not from later synced versions.
  const [initial] = useState<SessionFormValues>(() => sessionToFormValues(session));
  const back = `/processes/${session.processId}`;

  return (
    <SessionForm
      defaultValues={initial}
      submitLabel={t('sessions.saveChanges')}
      cancelTo={back}
      onDirtyChange={onDirtyChange}
      onSubmit={async (next) => {
        const patch = changedFields(initial, next);
        if (Object.keys(patch).length > 0) await updateSession(session.id, patch);
        return {
          to: back,
          notice: {
            key: 'sessions.saved.updated',
            link: { to: `/sessions/${session.id}`, key: 'sessions.saved.open' },
          },
        };
      }}
      remove={{
        label: t('sessions.delete'),
        title: t('sessions.deleteTitle'),
        question: <p>{t('sessions.deleteQuestion', { title: session.title })}</p>,
        confirmLabel: t('sessions.deleteConfirm'),
        failed: (error) => t('sessions.deleteFailed', { reason: errorReason(error) }),
        onDelete: async () => {
          await deleteSession(session.id);
          return { to: back, replace: true, notice: { key: 'sessions.saved.deleted' } };
        },
      }}
    />
  );
}

/** `/sessions/:id`: edit a session; only the fields that changed are written. */
export function EditSessionPage({ onDirtyChange }: SessionPageProps) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const process = useProcess(session?.processId ?? '');
  if (session === undefined) return <Loading />;
  if (session === null) return <NotFound message={t('sessions.notFound')} />;
  return (
    <section>
      <p className="breadcrumb">
        <Link to={`/processes/${session.processId}`}>← {process?.name ?? t('processes.title')}</Link>
      </p>
      <PageHeading title={session.title}>{session.title}</PageHeading>
      <SessionTourLink sessionId={session.id} sessionType={session.type} />
      <SessionRounds sessionId={session.id} processId={session.processId} />
      <SessionRubricLink sessionId={session.id} processId={session.processId} sessionType={session.type} />
      <EditSessionForm key={session.id} session={session} onDirtyChange={onDirtyChange} />
    </section>
  );
}
