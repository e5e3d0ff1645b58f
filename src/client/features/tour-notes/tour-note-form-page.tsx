import { useTranslation } from 'react-i18next';
import {
  createTourNote,
  deleteTourNote,
  updateTourNote,
  useTourNote,
  type TourNoteView,
} from '../../data/use-tour-notes';
import { useSession } from '../../data/use-sessions';
import {
  FormPageRoutes,
  RecordPage,
  useEditRecordForm,
  useKeptRecord,
  useNewRecordForm,
  type FormPageProps,
  type RecordLinks,
} from '../../ui/record-page';
import { TourNoteForm } from './tour-note-form';
import {
  emptyTourNoteValues,
  formToTourNote,
  tourNoteToFormValues,
  type TourNoteFormOutput,
  type TourNoteFormValues,
} from './tour-note-form-values';
import './strings';
import './tour-notes.css';

function tourPath(sessionId: string) {
  return `/sessions/${sessionId}/tour`;
}

/** `/sessions/:sessionId/notes/new`. */
function NewNote({ parentId: sessionId, onDirtyChange }: FormPageProps & { parentId: string }) {
  const { t } = useTranslation();
  const session = useSession(sessionId);
  const form = useNewRecordForm<TourNoteFormValues, TourNoteFormOutput>({
    ns: 'tourNotes',
    defaults: emptyTourNoteValues,
    cancelTo: tourPath(sessionId),
    create: (values) => createTourNote(sessionId, formToTourNote(values)),
    onDirtyChange,
  });
  return (
    <RecordPage
      record={session}
      notFound={t('tourNotes.sessionNotFound')}
      back={() => ({ to: tourPath(sessionId), label: t('tourNotes.backToTour') })}
      title={() => t('tourNotes.newTitle')}
    >
      {(s) => (
        <>
          <p className="muted-label">{s.title}</p>
          <TourNoteForm {...form} processId={s.processId} locateOnOpen />
        </>
      )}
    </RecordPage>
  );
}

/** `/notes/:id`: the note's form with its photos, and deleting it. */
function EditNote({ note, onDirtyChange }: FormPageProps & { note: TourNoteView }) {
  const { t } = useTranslation();
  const back = tourPath(note.sessionId);
  const form = useEditRecordForm(note, {
    ns: 'tourNotes',
    toValues: tourNoteToFormValues,
    toStored: formToTourNote,
    update: updateTourNote,
    to: back,
    remove: {
      question: <p>{t('tourNotes.deleteBody')}</p>,
      remove: () => deleteTourNote(note.id),
      failedKey: 'saveFailed',
    },
    onDirtyChange,
  });
  return <TourNoteForm {...form} processId={note.processId} locateOnOpen={false} />;
}

function ExistingNote({
  id,
  onDirtyChange,
  links,
}: FormPageProps & { id: string; links?: RecordLinks<TourNoteView> | undefined }) {
  const { t } = useTranslation();
  const note = useKeptRecord(useTourNote(id));
  return (
    <RecordPage
      record={note}
      notFound={t('tourNotes.notFound')}
      back={(n) => ({ to: tourPath(n.sessionId), label: t('tourNotes.backToTour') })}
      title={() => t('tourNotes.editTitle')}
    >
      {(n) => (
        <>
          {links?.(n)}
          <EditNote key={n.id} note={n} onDirtyChange={onDirtyChange} />
        </>
      )}
    </RecordPage>
  );
}

/**
 * `/sessions/:sessionId/notes/new` (a new note on that tour) and
 * `/notes/:id` (edit a note, see its photos, or delete it). Everything is
 * read from and written to the device; nothing waits for the network.
 * `links` are what other features hold for the note, composed by the app.
 */
export function TourNoteFormPage(props: FormPageProps & { links?: RecordLinks<TourNoteView> }) {
  return <FormPageRoutes parent="sessionId" existing={ExistingNote} created={NewNote} pageProps={props} />;
}
