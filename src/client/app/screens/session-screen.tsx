/**
 * `/sessions/:id`: the session form with the links other features hold for the session — its
 * territorial tour, its voting rounds, the vision built in it, the Agenda's validation in an
 * assembly, its minutes, its rubric.
 */
import { SessionAgendaValidation } from '../../features/agenda/session-agenda-validation';
import { SessionMinutesLink } from '../../features/agenda/session-minutes-link';
import { EditSessionPage } from '../../features/sessions/edit-session-page';
import { SessionRounds } from '../../features/prioritisation/session-rounds';
import { SessionRubricLink } from '../../features/rubrics/session-rubric-link';
import { SessionTourLink } from '../../features/tours/session-tour-link';
import { SessionVision } from '../../features/vision/session-vision';
import { useDirtyReporter } from '../unsaved-store';

export function SessionScreen() {
  return (
    <EditSessionPage
      onDirtyChange={useDirtyReporter('session-form')}
      links={(session) => (
        <>
          <SessionTourLink sessionId={session.id} sessionType={session.type} />
          <SessionRounds sessionId={session.id} processId={session.processId} />
          <SessionRubricLink
            sessionId={session.id}
            processId={session.processId}
            sessionType={session.type}
          />
        </>
      )}
      sections={(session) => (
        <>
          <SessionVision sessionId={session.id} processId={session.processId} />
          <SessionAgendaValidation
            sessionId={session.id}
            processId={session.processId}
            sessionType={session.type}
          />
          <SessionMinutesLink sessionId={session.id} />
        </>
      )}
    />
  );
}
