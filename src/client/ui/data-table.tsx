import type { HTMLAttributes, ReactNode } from 'react';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell names its row (`<th scope="row">`), for tables read across. */
  rowHeader?: boolean;
}

interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly (Column<T> | false | null | undefined)[];
  rowKey: (row: T) => string;
  caption?: ReactNode;
  /** The caption is read by screen readers only (a visible heading already names the table). */
  captionHidden?: boolean;
  /** The id of the heading that names the table, instead of a caption. */
  labelledBy?: string;
  /** The table's classes: `data-table` unless given; `""` for none. */
  className?: string;
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
  /** Rows after the data (totals), already made. */
  footer?: ReactNode;
}

/** A table of records with column headers: the one way lists of figures and rows are shown as tables. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  captionHidden,
  labelledBy,
  className = 'data-table',
  rowProps,
  footer,
}: DataTableProps<T>) {
  const shown = columns.filter((c): c is Column<T> => !!c);
  return (
    <table className={className || undefined} aria-labelledby={labelledBy}>
      {caption ? (
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      ) : null}
      <thead>
        <tr>
          {shown.map((c, i) => (
            <th key={i} scope="col">
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {shown.map((c, i) =>
              c.rowHeader ? (
                <th key={i} scope="row">
                  {c.cell(row)}
                </th>
              ) : (
                <td key={i}>{c.cell(row)}</td>
              ),
            )}
          </tr>
        ))}
        {footer}
      </tbody>
    </table>
  );
}
