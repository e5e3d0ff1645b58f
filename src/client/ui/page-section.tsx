import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A section of a page under its own heading (`id` names it for the section). */
export function PageSection({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section className="page-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** `items` as a list, one `<li>` each (`item`), or the hint `empty` when there are none. */
export function ItemList<T>({
  items,
  empty,
  className = 'plain-list stack',
  item,
}: {
  items: readonly T[];
  empty: ReactNode;
  className?: string;
  item: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className="field-hint">{empty}</p>;
  return <ul className={className}>{items.map(item)}</ul>;
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
    <ItemList
      items={records}
      empty={empty}
      className={className}
      item={(r) => (
        <li key={r.id}>
          <Link to={to(r.id)} className="link-target">
            {r.title}
          </Link>
        </li>
      )}
    />
  );
}
