import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeading } from './page-heading';
import { SaveConfirmation } from './save-notice';
import { BackLink } from './back-link';

export interface ProcessListPageProps {
  processId: string;
  processName: string;
  title: string;
  /** Where "+ new" leads, under the process (`problems/new`). */
  newPath: string;
  newLabel: string;
  /** "3 problemas" */
  countText: string;
  /** Shown instead of the list when there is nothing yet. */
  emptyText: string | null;
  children: ReactNode;
}

/**
 * A process's list page (problems, vision, projects): back to the process,
 * the heading with "+ new", the save confirmation, how many there are, and
 * the list — or why it is empty.
 */
export function ProcessListPage({
  processId,
  processName,
  title,
  newPath,
  newLabel,
  countText,
  emptyText,
  children,
}: ProcessListPageProps) {
  return (
    <section>
      <BackLink to={`/processes/${processId}`}>{processName}</BackLink>
      <div className="page-header">
        <PageHeading title={title}>{title}</PageHeading>
        <Link to={`/processes/${processId}/${newPath}`} className="button button-primary">
          <span aria-hidden="true">+ </span>
          {newLabel}
        </Link>
      </div>
      <SaveConfirmation />
      <p>{countText}</p>
      {emptyText ? <p className="empty">{emptyText}</p> : null}
      {children}
    </section>
  );
}
