import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { changedFields } from '../../../domain';
import {
  createTourNote,
  deleteTourNote,
  updateTourNote,
  useTourNote,
  type TourNoteView,
} from '../../data/use-tour-notes';
import { useSession } from '../../data/use-sessions';
import { PageHeading } from '../../ui/page-heading';
import { errorReason } from '../../ui/use-entity-form';
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
import { BackLink } from '../../ui/back-link';

export interface TourNoteFormPageProps {
  onDirtyChange?: (dirty: boolean) => void;
}

/** What other features hold for a note (the projects that answer what it shows), composed by the app. */
export type TourNoteLinks = (note: TourNoteView) => ReactNode;

function tourPath(sessionId: string) {
  return `/sessions/${sessionId}/tour`;
}

function Breadcrumb({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  return <BackLink to={tourPath(sessionId)}>{t('tourNotes.backToTour')}</BackLink>;
}

/** `/sessions/:sessionId/notes/new`. */
function NewNote({ sessionId, onDirtyChange }: TourNoteFormPageProps & { sessionId: string }) {
  const { t } = useTranslation();
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
          return { to: tourPath(sessionId), notice: { key: 'tourNotes.saved.created' } };
        }}
      />
    </section>
  );
}

/** `/notes/:id`: the note's form with its photos, and deleting it. */
function EditNote({ note, onDirtyChange }: TourNoteFormPageProps & { note: TourNoteView }) {
  const { t } = useTranslation();
  // The values the form opened with: the edit is the difference from these, not from later synced versions.
  const [initial] = useState<TourNoteFormValues>(() => tourNoteToFormValues(note));
  const back = tourPath(note.sessionId);

  return (
    <TourNoteForm
      processId={note.processId}
      defaultValues={initial}
      locateOnOpen={false}
      submitLabel={t('tourNotes.saveChanges')}
      cancelTo={back}
      onDirtyChange={onDirtyChange}
      onSubmit={async (values) => {
        // Only what this form changed is written, so a field edited elsewhere meanwhile survives.
        const patch = changedFields(formToTourNote(initial), formToTourNote(values));
        if (Object.keys(patch).length > 0) await updateTourNote(note.id, patch, { diffed: true });
        return { to: back, notice: { key: 'tourNotes.saved.updated' } };
      }}
      remove={{
        label: t('tourNotes.delete'),
        title: t('tourNotes.deleteTitle'),
        question: <p>{t('tourNotes.deleteBody')}</p>,
        confirmLabel: t('tourNotes.deleteConfirm'),
        failed: (error) => t('tourNotes.saveFailed', { reason: errorReason(error) }),
        onDelete: async () => {
          await deleteTourNote(note.id);
          return { to: back, notice: { key: 'tourNotes.saved.deleted' } };
        },
      }}
    />
  );
}

function ExistingNote({
  id,
  onDirtyChange,
  links,
}: TourNoteFormPageProps & { id: string; links?: TourNoteLinks | undefined }) {
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
      {links?.(shown)}
      <EditNote key={shown.id} note={note ?? shown} onDirtyChange={onDirtyChange} />
    </section>
  );
}

/**
 * `/sessions/:sessionId/notes/new` (a new note on that tour) and
 * `/notes/:id` (edit a note, see its photos, or delete it). Everything is
 * read from and written to the device; nothing waits for the network.
 * `links` are what other features hold for the note, composed by the app.
 */
export function TourNoteFormPage({
  onDirtyChange,
  links,
}: TourNoteFormPageProps & { links?: TourNoteLinks }) {
  const { id, sessionId = '' } = useParams();
  if (id) return <ExistingNote key={id} id={id} onDirtyChange={onDirtyChange} links={links} />;
  return <NewNote key={sessionId} sessionId={sessionId} onDirtyChange={onDirtyChange} />;
}
