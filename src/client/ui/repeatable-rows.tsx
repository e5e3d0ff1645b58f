import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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

/**
 * A form's section of repeatable rows, worded by the keys under `keys`: `legend` (the section's
 * heading), `none` (no rows yet), `item` and `remove` (given the row's `number`) and `add`.
 */
export function RepeatableFieldset<Row extends { id: string }>({
  keys,
  ...rows
}: Omit<RepeatableRowsProps<Row>, 'itemLegend' | 'removeLabel' | 'addLabel' | 'empty'> & { keys: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="section">
      <legend>
        <h2>{t(`${keys}.legend`)}</h2>
      </legend>
      <RepeatableRows
        empty={t(`${keys}.none`)}
        itemLegend={(index) => t(`${keys}.item`, { number: index + 1 })}
        removeLabel={(index) => t(`${keys}.remove`, { number: index + 1 })}
        addLabel={t(`${keys}.add`)}
        {...rows}
      />
    </fieldset>
  );
}
