import { useTranslation } from 'react-i18next';
import { THEMATIC_AREAS } from '../../../domain';
import './strings';

/** The options of a thematic-area select: first an empty one that asks to choose, then every area by its name. */
export function ThemeOptions({ placeholder }: { placeholder: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{placeholder}</option>
      {THEMATIC_AREAS.map((area) => (
        <option key={area} value={area}>
          {t(`vocabulary.themes.${area}`)}
        </option>
      ))}
    </>
  );
}
