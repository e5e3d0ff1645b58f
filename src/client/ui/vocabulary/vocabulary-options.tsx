import { useTranslation } from 'react-i18next';
import './strings';

/**
 * The options of a select over one list of shared words: first an empty one that asks to choose,
 * then every value by its name (`vocabulary.<group>.<value>`).
 */
export function VocabularyOptions({
  placeholder,
  values,
  group,
}: {
  placeholder: string;
  values: readonly string[];
  group: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{placeholder}</option>
      {values.map((value) => (
        <option key={value} value={value}>
          {t(`vocabulary.${group}.${value}`)}
        </option>
      ))}
    </>
  );
}
