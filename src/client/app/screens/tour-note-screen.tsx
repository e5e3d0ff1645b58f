/** `/notes/:id` and the new-note form, with the problems the note evidences and the projects that answer them. */
import { NoteProjects } from '../../features/projects/answering-projects';
import { TourNoteFormPage } from '../../features/tour-notes/tour-note-form-page';
import { useDirtyReporter } from '../unsaved-store';

export function TourNoteScreen() {
  return (
    <TourNoteFormPage
      onDirtyChange={useDirtyReporter('tour-note')}
      links={(note) => <NoteProjects noteId={note.id} />}
    />
  );
}
