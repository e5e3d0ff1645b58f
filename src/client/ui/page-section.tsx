import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ItemList } from './item-list';

/**
 * A section of a page under its own heading (`id` names it for the section); `className="card"`
 * sets it apart as a card.
 */
export function PageSection({
  id,
  title,
  className = 'page-section',
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Links to records (`to`), each named by its title, or the hint `empty` when there are none. */
export function TitleLinks({
  records,
  to,
  empty,
  className,
}: {
  records: readonly { id: string; title: string }[];
  to: (id: string) => string;
  empty: ReactNode;
  className?: string;
}) {
  return (
    <ItemList items={records} none={empty} noneClassName="field-hint" className={className}>
      {(r) => (
        <li key={r.id}>
          <Link to={to(r.id)} className="link-target">
            {r.title}
          </Link>
        </li>
      )}
    </ItemList>
  );
}
