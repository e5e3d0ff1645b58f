import type { ReactNode } from 'react';

/**
 * A list of items, one card a row (`children` draws one, keyed), or the line
 * `none` when there are none; `lead` stands above the list (help, an action
 * on all of them).
 */
export function ItemList<T>({
  items,
  none,
  lead,
  children,
}: {
  items: readonly T[];
  none: string;
  lead?: ReactNode;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p>{none}</p>;
  return (
    <>
      {lead}
      <ul className="plain-list stack">{items.map((item) => children(item))}</ul>
    </>
  );
}
