import { useState, type ReactNode } from 'react';
import { FormAlert } from './form-alert';

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

/** What a card's buttons can do: open its form, or run a change and say so if it fails. */
export interface RecordCardActions {
  edit: () => void;
  run: (change: Promise<unknown>) => void;
}

/**
 * One record of such a list (`titleId` names its card): its heading, what
 * `children` say of it, then its buttons or, once "edit" is pressed, its form
 * in place (`close` puts the buttons back); a change that fails is said under it.
 */
export function RecordCard({
  titleId,
  title,
  describeFailure,
  form,
  actions,
  children,
}: {
  titleId: string;
  title: ReactNode;
  describeFailure: (error: unknown) => string;
  form: (close: () => void) => ReactNode;
  actions: (act: RecordCardActions) => ReactNode;
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = (change: Promise<unknown>) => {
    setFailure(null);
    change.catch((error: unknown) => setFailure(describeFailure(error)));
  };
  return (
    <li className="card">
      <h3 id={titleId}>{title}</h3>
      {children}
      {editing ? (
        form(() => setEditing(false))
      ) : (
        <div className="actions">{actions({ edit: () => setEditing(true), run })}</div>
      )}
      <FormAlert>{failure}</FormAlert>
    </li>
  );
}
