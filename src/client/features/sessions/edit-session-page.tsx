import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { deleteSession, updateSession, useSession, type SessionView } from '../../data/use-sessions';
import { useProcess } from '../../data/use-processes';
import type { Session } from '../../../domain';
import { RecordPage, useEditRecordForm, type FormPageProps, type RecordLinks } from '../../ui/record-page';
import { openSavedSession } from './new-session-page';
import { SessionForm } from './session-form';
import { sessionToFormValues, type SessionFormValues } from './session-form-values';
import './strings';

function EditSessionForm({ session, onDirtyChange }: FormPageProps & { session: SessionView }) {
  const { t } = useTranslation();
  const back = `/processes/${session.processId}`;
  const form = useEditRecordForm(session, {
    ns: 'sessions',
    toValues: sessionToFormValues,
    toStored: (values: SessionFormValues | Session) => values,
    update: updateSession,
    to: back,
    link: openSavedSession,
    remove: {
      question: <p>{t('sessions.deleteQuestion', { title: session.title })}</p>,
      remove: () => deleteSession(session.id),
      replace: true,
    },
    onDirtyChange,
  });
  return <SessionForm {...form} />;
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
}: FormPageProps & {
  links?: RecordLinks<SessionView>;
  sections?: RecordLinks<SessionView>;
}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession(id);
  const process = useProcess(session?.processId ?? '');
  return (
    <RecordPage
      record={session}
      notFound={t('sessions.notFound')}
      back={(s) => ({ to: `/processes/${s.processId}`, label: process?.name ?? t('processes.title') })}
      title={(s) => s.title}
    >
      {(s) => (
        <>
          {links?.(s)}
          <EditSessionForm key={s.id} session={s} onDirtyChange={onDirtyChange} />
          {sections?.(s)}
        </>
      )}
    </RecordPage>
  );
}
