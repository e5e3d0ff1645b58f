import type { ReactNode } from 'react';

export interface RepeatableRowsProps<Row extends { id: string }> {
  /** The rows as `useFieldArray` gives them (each with its stable `id`). */
  rows: readonly Row[];
  /** The legend of row `index` (counted from 1 for people). */
  itemLegend: (index: number) => ReactNode;
  /** The label of the remove button of row `index`; it names the row. */
  removeLabel: (index: number) => ReactNode;
  onRemove: (index: number) => void;
  addLabel: ReactNode;
  onAdd: () => void;
  /** Shown above the list when there are no rows. */
  empty?: ReactNode;
  listClassName?: string;
  /** The fields of one row. */
  children: (row: Row, index: number) => ReactNode;
}

/**
 * A list of rows the person adds and removes (commitments, agreements,
 * members): each row is a card with its own legend and remove button, and
 * the add button follows the list.
 */
export function RepeatableRows<Row extends { id: string }>({
  rows,
  itemLegend,
  removeLabel,
  onRemove,
  addLabel,
  onAdd,
  empty,
  listClassName = 'plain-list',
  children,
}: RepeatableRowsProps<Row>) {
  return (
    <>
      {rows.length === 0 && empty ? <p className="field-hint">{empty}</p> : null}
      <ol className={listClassName}>
        {rows.map((row, index) => (
          <li key={row.id} className="card">
            <fieldset>
              <legend>{itemLegend(index)}</legend>
              {children(row, index)}
              <button type="button" className="button" onClick={() => onRemove(index)}>
                {removeLabel(index)}
              </button>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={onAdd}>
        {addLabel}
      </button>
    </>
  );
}
