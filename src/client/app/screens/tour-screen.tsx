/** `/sessions/:id/tour`: the tour (track, map, drawing) with the notes taken on it. */
import { TourNotesList } from '../../features/tour-notes/tour-notes-list';
import { TourPage } from '../../features/tours/tour-page';

export function TourScreen() {
  return <TourPage notesList={(session) => <TourNotesList sessionId={session.id} />} />;
}
