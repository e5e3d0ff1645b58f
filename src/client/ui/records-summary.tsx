import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A section of the process page about one kind of record: its heading (`id` names it), what it
 * says of them, and the way to their list (`listTo`) and to a new one (`listTo/new`).
 */
export function RecordsSummary({
  id,
  title,
  listTo,
  viewAllLabel,
  newLabel,
  children,
}: {
  id: string;
  title: string;
  listTo: string;
  viewAllLabel: string;
  newLabel: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="page-section">
      <h2 id={id}>{title}</h2>
      {children}
      <div className="actions">
        <Link to={listTo} className="button">
          {viewAllLabel}
        </Link>
        <Link to={`${listTo}/new`} className="button">
          {newLabel}
        </Link>
      </div>
    </section>
  );
}

/** How many records there are (`counted`), or the hint that there are none yet (`empty`). */
export function RecordsCount({ count, empty, counted }: { count: number; empty: string; counted: string }) {
  return <p className={count === 0 ? 'field-hint' : undefined}>{count === 0 ? empty : counted}</p>;
}
