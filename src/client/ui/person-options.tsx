import { useTranslation } from 'react-i18next';

/** A person as a select offers them. */
export interface PersonChoice {
  id: string;
  displayName: string;
  role: string;
  username: string;
}

/**
 * The options of a select over people: first an empty one that asks to choose
 * (`placeholder`), then each person in the words of `optionKey`, given their
 * `name`, `role` (`roles.<role>`) and `username`.
 */
export function PersonOptions({
  placeholder,
  people,
  optionKey,
}: {
  placeholder: string;
  people: readonly PersonChoice[];
  optionKey: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{placeholder}</option>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {t(optionKey, { name: p.displayName, role: t(`roles.${p.role}`), username: p.username })}
        </option>
      ))}
    </>
  );
}
