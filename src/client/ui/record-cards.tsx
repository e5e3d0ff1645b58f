import type { ReactNode } from 'react';

/** A card with a heading (`id` names it) and the form that adds a record to the list below it. */
export function AddRecordCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A list of records as cards, under a heading that counts them, with a line when there are none. */
export function RecordCards<T>({
  heading,
  empty,
  items,
  children,
}: {
  heading: string;
  empty: string;
  items: readonly T[];
  children: (item: T, index: number) => ReactNode;
}) {
  return (
    <>
      <h2>{heading}</h2>
      {items.length === 0 ? <p className="empty">{empty}</p> : null}
      <ul className="plain-list stack">{items.map(children)}</ul>
    </>
  );
}
