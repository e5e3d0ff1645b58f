import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A list read from the device inside a section: "loading" while it is read, `empty` when there is
 * nothing (drawn with `emptyClassName`), else the list that `children` draws.
 */
export function LoadedList<T>({
  items,
  empty,
  emptyClassName = 'empty',
  children,
}: {
  items: T[] | undefined;
  empty: string;
  emptyClassName?: string;
  children: (items: T[]) => ReactNode;
}) {
  const { t } = useTranslation();
  if (items === undefined) return <p>{t('common.loading')}</p>;
  if (items.length === 0) return <p className={emptyClassName}>{empty}</p>;
  return <>{children(items)}</>;
}
