import { useTranslation } from 'react-i18next';
import { SESSION_TYPES } from '../../../domain';
import './strings';

/** The options of a session-type select: first an empty one that asks to choose, then every type by its name. */
export function SessionTypeOptions({ placeholder }: { placeholder: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{placeholder}</option>
      {SESSION_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`vocabulary.sessionTypes.${type}`)}
        </option>
      ))}
    </>
  );
}
