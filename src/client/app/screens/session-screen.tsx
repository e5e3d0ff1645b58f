/**
 * `/sessions/:id`: the session form with the links other features hold for the session — its
 * territorial tour, its voting rounds, its rubric, the Agenda's validation in an assembly and its minutes.
 */
import { SessionAgendaValidation } from '../../features/agenda/session-agenda-validation';
import { SessionMinutesLink } from '../../features/agenda/session-minutes-link';
import { EditSessionPage } from '../../features/sessions/edit-session-page';
import { SessionRounds } from '../../features/prioritisation/session-rounds';
import { SessionRubricLink } from '../../features/rubrics/session-rubric-link';
import { SessionTourLink } from '../../features/tours/session-tour-link';
import { useDirtyReporter } from '../unsaved-store';

export function SessionScreen() {
  return (
    <EditSessionPage
      onDirtyChange={useDirtyReporter('session-form')}
      links={(session) => (
        <>
          <SessionTourLink sessionId={session.id} sessionType={session.type} />
          <SessionRounds sessionId={session.id} processId={session.processId} />
          <SessionAgendaValidation
            sessionId={session.id}
            processId={session.processId}
            sessionType={session.type}
          />
          <SessionMinutesLink sessionId={session.id} />
          <SessionRubricLink
            sessionId={session.id}
            processId={session.processId}
            sessionType={session.type}
          />
        </>
      )}
    />
  );
}
