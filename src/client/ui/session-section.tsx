import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionType } from '../../domain';

/** What the session page gives each section another feature adds to it. */
export interface SessionSectionProps {
  sessionId: string;
  processId: string;
  sessionType: SessionType;
}

/** A section another feature adds to the session page: a card labelled by its heading (`id`). */
export function SessionSection({
  id,
  title,
  className,
  children,
}: {
  id: string;
  title: string;
  /** Classes besides `card`. */
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The button to one of the process's forms (`path`, under the process) opened for this session. */
export function SessionFormLink({
  processId,
  path,
  sessionId,
  children,
}: {
  processId: string;
  path: string;
  sessionId: string;
  children: ReactNode;
}) {
  return (
    <Link
      className="button"
      to={`/processes/${processId}/${path}?sessionId=${encodeURIComponent(sessionId)}`}
    >
      {children}
    </Link>
  );
}
