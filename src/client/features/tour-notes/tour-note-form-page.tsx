import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { changedFields } from '../../../domain';
import { useSession } from '../../data/use-sessions';
import {
  createTourNote,
  deleteTourNote,
  updateTourNote,
  useTourNote,
  type TourNoteView,
} from '../../data/use-tour-notes';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { PageHeading } from '../../ui/page-heading';
import { Loading, NotFound } from '../../ui/status-views';
import { TourNoteForm } from './tour-note-form';
import {
  emptyTourNoteValues,
  formToTourNote,
  tourNoteToFormValues,
  type TourNoteFormValues,
} from './tour-note-form-values';
import './strings';
import './tour-notes.css';

export interface TourNoteFormPageProps {
  onDirtyChange?: (dirty: boolean) => void;
}

/** What the tour page's notes list confirms after a save (router state). */
export type TourNoteSaved = 'created' | 'updated' | 'deleted';

function tourPath(sessionId: string) {
  return `/sessions/${sessionId}/tour`;
}

function Breadcrumb({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return (
    <p className="breadcrumb">
      <Link to={tourPath(sessionId)}>← {t('tourNotes.backToTour')}</Link>
    </p>
  );
}

/** `/sessions/:sessionId/notes/new`. */
function NewNote({ sessionId, onDirtyChange }: TourNoteFormPageProps & { sessionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession(sessionId);
  const [defaults] = useState<TourNoteFormValues>(emptyTourNoteValues);
  if (session === undefined) return <Loading />;
  if (session === null) return <NotFound message={t('tourNotes.sessionNotFound')} />;
  return (
    <section>
      <Breadcrumb sessionId={sessionId} />
      <PageHeading title={t('tourNotes.newTitle')}>{t('tourNotes.newTitle')}</PageHeading>
      <p className="muted-label">{session.title}</p>
      <TourNoteForm
        processId={session.processId}
        defaultValues={defaults}
        locateOnOpen
        submitLabel={t('tourNotes.save')}
        cancelTo={tourPath(sessionId)}
        onDirtyChange={onDirtyChange}
        onSubmit={async (values) => {
          await createTourNote(sessionId, formToTourNote(values));
          onDirtyChange?.(false);
          void navigate(tourPath(sessionId), { state: { tourNote: 'created' satisfies TourNoteSaved } });
        }}
      />
    </section>
  );
}

/** `/notes/:id`: the note's form with its photos, and deleting it. */
function EditNote({ note, onDirtyChange }: TourNoteFormPageProps & { note: TourNoteView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The values the form opened with: the edit is the difference from these, not from later synced versions.
  const [initial] = useState<TourNoteFormValues>(() => tourNoteToFormValues(note));
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const reportDirty = useCallback((dirty: boolean) => onDirtyChange?.(dirty), [onDirtyChange]);
  const back = tourPath(note.sessionId);

  return (
    <>
      <TourNoteForm
        processId={note.processId}
        defaultValues={initial}
        locateOnOpen={false}
        submitLabel={t('tourNotes.saveChanges')}
        cancelTo={back}
        onDirtyChange={reportDirty}
        onSubmit={async (values) => {
          // Only what this form changed is written, so a field edited elsewhere meanwhile survives.
          const patch = changedFields(formToTourNote(initial), formToTourNote(values));
          if (Object.keys(patch).length > 0) await updateTourNote(note.id, patch, { diffed: true });
          reportDirty(false);
          void navigate(back, { state: { tourNote: 'updated' satisfies TourNoteSaved } });
        }}
      />
      <div className="note-delete">
        <button type="button" className="button button-danger" onClick={() => setConfirming(true)}>
          {t('tourNotes.delete')}
        </button>
        {deleteError ? (
          <p className="form-alert" role="alert">
            {deleteError}
          </p>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('tourNotes.deleteTitle')}
        confirmLabel={t('tourNotes.deleteConfirm')}
        cancelLabel={t('common.cancel')}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          deleteTourNote(note.id).then(
            () => {
              reportDirty(false);
              void navigate(back, { state: { tourNote: 'deleted' satisfies TourNoteSaved } });
            },
            (error: unknown) =>
              setDeleteError(
                t('tourNotes.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
              ),
          );
        }}
      >
        <p>{t('tourNotes.deleteBody')}</p>
      </ConfirmDialog>
    </>
  );
}

function ExistingNote({ id, onDirtyChange }: TourNoteFormPageProps & { id: string }) {
  const { t } = useTranslation();
  const note = useTourNote(id);
  // Kept once loaded: deleting it must not flash "not found" before leaving.
  const [opened, setOpened] = useState<TourNoteView | null>(null);
  if (note && !opened) setOpened(note);
  const shown = opened ?? note;
  if (shown === undefined) return <Loading />;
  if (shown === null) return <NotFound message={t('tourNotes.notFound')} />;
  return (
    <section>
      <Breadcrumb sessionId={shown.sessionId} />
      <PageHeading title={t('tourNotes.editTitle')}>{t('tourNotes.editTitle')}</PageHeading>
      <EditNote key={shown.id} note={note ?? shown} onDirtyChange={onDirtyChange} />
    </section>
  );
}

/**
 * `/sessions/:sessionId/notes/new` (a new note on that tour) and
 * `/notes/:id` (edit a note, see its photos, or delete it). Everything is
 * read from and written to the device; nothing waits for the network.
 */
export function TourNoteFormPage({ onDirtyChange }: TourNoteFormPageProps) {
  const { id, sessionId = '' } = useParams();
  if (id) return <ExistingNote key={id} id={id} onDirtyChange={onDirtyChange} />;
  return <NewNote key={sessionId} sessionId={sessionId} onDirtyChange={onDirtyChange} />;
}
