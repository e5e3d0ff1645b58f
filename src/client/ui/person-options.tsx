import { useTranslation } from 'react-i18next';

/** A person as a select offers them. */
export interface PersonChoice {
  id: string;
  displayName: string;
  role: string;
  username: string;
}

/**
 * The `<option>`s of a select over people, each in the words of `optionKey`
 * given the person's `name`, `role` (`roles.<role>`) and `username`.
 */
export function PersonOptions({ people, optionKey }: { people: readonly PersonChoice[]; optionKey: string }) {
  const { t } = useTranslation();
  return people.map((p) => (
    <option key={p.id} value={p.id}>
      {t(optionKey, { name: p.displayName, role: t(`roles.${p.role}`), username: p.username })}
    </option>
  ));
}
