import type { FieldPathByValue, FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ProblemChoice } from '../../data/use-traceability';
import { CheckboxListField } from '../../ui/checkbox-list-field';

/**
 * The problems a record answers, as checkboxes (prioritised ones first, each with its rank),
 * worded by the feature's keys under `keys`: `problems`, `problemsHint`, `noProblems` and `rank`.
 */
export function ProblemChoicesField<Values extends FieldValues>({
  name,
  problems,
  keys,
}: {
  name: FieldPathByValue<Values, string[]>;
  problems: ProblemChoice[];
  keys: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="field-hint">{t(`${keys}.problemsHint`)}</p>
      <CheckboxListField<Values>
        name={name}
        legend={t(`${keys}.problems`)}
        empty={t(`${keys}.noProblems`)}
        options={problems.map((p) => ({
          value: p.id,
          label: (
            <>
              {p.title}
              {p.rank !== null ? (
                <span className="field-hint"> · {t(`${keys}.rank`, { rank: p.rank })}</span>
              ) : null}
            </>
          ),
        }))}
      />
    </>
  );
}
