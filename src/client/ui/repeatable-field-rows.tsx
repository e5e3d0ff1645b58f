import type { ReactNode } from 'react';
import type { FieldArray, FieldArrayPath, FieldValues, Path } from 'react-hook-form';
import { useFieldRows, type FieldNaming } from './form-fields';
import { RepeatableFieldset } from './repeatable-rows';

type RowField<Values extends FieldValues, List extends FieldArrayPath<Values>> = ReturnType<
  ReturnType<typeof useFieldRows<Values, List>>['rowField']
>;

/**
 * A list of the form in context as a `RepeatableFieldset` worded under `naming.keys`: "add" appends
 * `newRow()` and moves to its `focus` field, "remove" drops the row, and each row's fields are
 * named by `useFieldRows`'s convention (`field('what')`).
 */
export function RepeatableFieldRows<Values extends FieldValues, List extends FieldArrayPath<Values>>({
  name,
  naming,
  newRow,
  focus,
  listClassName,
  children,
}: {
  name: List;
  naming: FieldNaming;
  newRow: () => FieldArray<Values, List>;
  /** The field of a new row that takes the focus. */
  focus: Path<FieldArray<Values, List>>;
  listClassName?: string;
  children: (field: RowField<Values, List>, index: number) => ReactNode;
}) {
  const { fields, append, remove, rowField } = useFieldRows<Values, List>(name, naming);
  return (
    <RepeatableFieldset
      keys={naming.keys}
      rows={fields}
      listClassName={listClassName}
      onRemove={remove}
      onAdd={() => append(newRow(), { focusName: `${name}.${fields.length}.${focus}` })}
    >
      {(_row, index) => children(rowField(index), index)}
    </RepeatableFieldset>
  );
}
