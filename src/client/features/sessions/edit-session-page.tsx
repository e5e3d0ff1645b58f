import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { changedFields } from '../../../domain';
import { deleteSession, updateSession, useSession, type SessionView } from '../../data/use-sessions';
import { useProcess } from '../../data/use-processes';
import { PageHeading } from '../../ui/page-heading';
import { errorReason } from '../../ui/use-entity-form';
import { Loading, NotFound } from '../../ui/status-views';
import type { SessionPageProps } from './new-session-page';
import { SessionForm } from './session-form';
import { sessionToFormValues, type SessionFormValues } from './session-form-values';
import './strings';
import { BackLink } from '../../ui/back-link';

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
        if (Object.keys(patch).length > 0) await updateSession(session.id, patch, { diffed: true });
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

/**
 * `/sessions/:id`: edit a session; only the fields that changed are written. `links` are what
 * other features hold for the session (its tour, its voting rounds, its rubric), shown above the
 * form; `sections` (the vision built in it, the Agenda's validation, its minutes) follow the form.
 * Both are composed by the app's session screen.
 */
export function EditSessionPage({
  onDirtyChange,
  links,
  sections,
}: SessionPageProps & {
  links?: (session: SessionView) => ReactNode;
  sections?: (session: SessionView) => ReactNode;
}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const process = useProcess(session?.processId ?? '');
  if (session === undefined) return <Loading />;
  if (session === null) return <NotFound message={t('sessions.notFound')} />;
  return (
    <section>
      <BackLink to={`/processes/${session.processId}`}>{process?.name ?? t('processes.title')}</BackLink>
      <PageHeading title={session.title}>{session.title}</PageHeading>
      {links?.(session)}
      <EditSessionForm key={session.id} session={session} onDirtyChange={onDirtyChange} />
      {sections?.(session)}
    </section>
  );
}
