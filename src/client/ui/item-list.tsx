import type { ReactNode } from 'react';

/**
 * A list of items, one `<li>` a row (`children` draws one, keyed), or the line
 * `none` when there are none (a hint with `noneClassName="field-hint"`); `lead`
 * stands above the list (help, an action on all of them).
 */
export function ItemList<T>({
  items,
  none,
  noneClassName,
  lead,
  className = 'plain-list stack',
  children,
}: {
  items: readonly T[];
  none: ReactNode;
  noneClassName?: string;
  lead?: ReactNode;
  className?: string;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p className={noneClassName}>{none}</p>;
  return (
    <>
      {lead}
      <ul className={className}>{items.map((item) => children(item))}</ul>
    </>
  );
}
