import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields } from '../../domain';
import { FormAlert } from './form-alert';
import { ItemAction } from './item-action';
import { errorReason, type SaveOutcome } from './use-entity-form';

/** What the add card gives its form: its button's words, the heading that names it, and the save. */
export interface AddRecordFormProps<Output> {
  submitLabel: string;
  labelledBy: string;
  onSave(values: Output): Promise<SaveOutcome>;
}

/**
 * A card with the form that adds a record to the list below it, under the
 * heading `<words>.addTitle` (`id` names it, and the form with it). Its
 * button says `<words>.add`; once `create` has written the record the form
 * starts again and confirms `<words>.added`, given the record's name.
 */
export function AddRecordCard<Output extends { name: string }>({
  id,
  words,
  create,
  children,
}: {
  id: string;
  words: string;
  create: (values: Output) => Promise<unknown>;
  children: (form: AddRecordFormProps<Output>) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(`${words}.addTitle`)}</h2>
      {children({
        submitLabel: t(`${words}.add`),
        labelledBy: id,
        onSave: async (values) => {
          await create(values);
          return { clear: true, notice: { key: `${words}.added`, values: { name: values.name } } };
        },
      })}
    </section>
  );
}

/**
 * A list of records as cards, under a heading that counts them
 * (`<words>.count`), with the line `<words>.empty` when there are none.
 */
export function RecordCards<T>({
  words,
  items,
  children,
}: {
  words: string;
  items: readonly T[];
  children: (item: T, index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <h2>{t(`${words}.count`, { count: items.length })}</h2>
      {items.length === 0 ? <p className="empty">{t(`${words}.empty`)}</p> : null}
      <ul className="plain-list stack">{items.map(children)}</ul>
    </>
  );
}

/** What a record's card gives its edit form: the heading that names it, "Cancelar" and the save. */
export interface EditRecordFormProps<Output> {
  labelledBy: string;
  onCancel: () => void;
  onSave(values: Output): Promise<void>;
}

/**
 * One record of such a list (`titleId` names its card): its heading, what
 * `children` say of it, then its buttons — first the one that opens its form
 * in place (`editLabel`, `editItemLabel`), then `actions`, then "Desactivar"
 * or "Reactivar". The form writes with `update` only the values it changed
 * from `stored`, so a value synced in meanwhile is not written back, and
 * closes. The words come from the list's i18n prefix (`<words>.deactivate`,
 * `<words>.deactivateOf` given the record's `name`, …); a change that fails
 * is said under the card (`<words>.changeFailed`).
 */
export function RecordCard<Output extends object>({
  titleId,
  title,
  words,
  name,
  active,
  setActive,
  editLabel,
  editItemLabel,
  stored,
  update,
  form,
  actions,
  children,
}: {
  titleId: string;
  title: ReactNode;
  words: string;
  name: string;
  active: boolean;
  setActive: (active: boolean) => Promise<unknown>;
  editLabel: string;
  editItemLabel: string;
  stored: object;
  update: (patch: Partial<Output>) => Promise<unknown>;
  form: (form: EditRecordFormProps<Output>) => ReactNode;
  actions?: (run: (change: Promise<unknown>) => void) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = (change: Promise<unknown>) => {
    setFailure(null);
    change.catch((error: unknown) => setFailure(t(`${words}.changeFailed`, { reason: errorReason(error) })));
  };
  const toggle = active ? 'deactivate' : 'reactivate';
  return (
    <li className="card">
      <h3 id={titleId}>{title}</h3>
      {children}
      {editing ? (
        form({
          labelledBy: titleId,
          onCancel: () => setEditing(false),
          onSave: async (values) => {
            const patch = changedFields(stored, values);
            if (Object.keys(patch).length > 0) await update(patch);
            setEditing(false);
          },
        })
      ) : (
        <div className="actions">
          <ItemAction label={editLabel} itemLabel={editItemLabel} onClick={() => setEditing(true)} />
          {actions?.(run)}
          <ItemAction
            label={t(`${words}.${toggle}`)}
            itemLabel={t(`${words}.${toggle}Of`, { name })}
            onClick={() => run(setActive(!active))}
          />
        </div>
      )}
      <FormAlert>{failure}</FormAlert>
    </li>
  );
}
