import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { changedFields } from '../../../domain';
import { useProcess } from '../../data/use-processes';
import { deleteSession, updateSession, useSession, type SessionView } from '../../data/use-sessions';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import type { SessionPageProps } from './new-session-page';
import { SessionForm } from './session-form';
import { sessionToFormValues, type SessionFormValues } from './session-form-values';

function EditSessionForm({ session, onDirtyChange }: SessionPageProps & { session: SessionView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The values the form opened with: the edit is the difference from these, not from later synced versions.
  const [initial] = useState<SessionFormValues>(() => sessionToFormValues(session));
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const back = `/processes/${session.processId}`;

  return (
    <>
      <SessionForm
        defaultValues={initial}
        submitLabel={t('sessions.saveChanges')}
        cancelTo={back}
        onDirtyChange={onDirtyChange}
        onSubmit={async (next) => {
          const patch = changedFields(initial, next);
          if (Object.keys(patch).length > 0) await updateSession(session.id, patch, { diffed: true });
          onDirtyChange?.(false);
          void navigate(back, { state: { saved: 'session' } });
        }}
        actions={
          <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
            {t('sessions.delete')}
          </button>
        }
      />
      {deleteError ? (
        <p className="form-alert" role="alert">
          {deleteError}
        </p>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('sessions.deleteTitle')}
        confirmLabel={t('sessions.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          deleteSession(session.id).then(
            () => {
              onDirtyChange?.(false);
              void navigate(back, { replace: true });
            },
            (error: unknown) =>
              setDeleteError(
                t('sessions.deleteFailed', {
                  reason: error instanceof Error ? error.message : String(error),
                }),
              ),
          );
        }}
      >
        <p>{t('sessions.deleteQuestion', { title: session.title })}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * `/sessions/:id`: edit a session; only the fields that changed are written. `links` are what
 * other features hold for the session (its tour, its voting rounds, its rubric), composed by the
 * app's session screen.
 */
export function EditSessionPage({
  onDirtyChange,
  links,
}: SessionPageProps & { links?: (session: SessionView) => ReactNode }) {
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
      {links?.(session)}
      <EditSessionForm key={session.id} session={session} onDirtyChange={onDirtyChange} />
    </section>
  );
}
