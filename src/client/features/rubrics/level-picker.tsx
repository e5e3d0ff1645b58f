import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEVELS, type RubricCriterion } from '../../../domain';
import { FieldErrorText } from '../../ui/field';
import type { ScoreFormValues } from './score-form-schema';
import './strings';

/**
 * One criterion: four large level buttons as a radio group (real radios, so
 * arrow keys move between levels and a screen reader says "2 of 4"), each
 * showing its level number and descriptor.
 */
export function LevelPicker({ criterion, index }: { criterion: RubricCriterion; index: number }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController<ScoreFormValues>({ name: `levels.${criterion.id}` });
  const id = `criterion-${index}`;
  const errorId = fieldState.error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={fieldState.error ? 'level-picker field-invalid' : 'level-picker'}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={errorId}
      aria-invalid={fieldState.error ? true : undefined}
    >
      <legend id={`${id}-legend`}>
        {criterion.label}
        <span aria-hidden="true"> *</span>
      </legend>
      <div className="level-options">
        {LEVELS.map((level) => (
          <label key={level} className="level-option">
            <input
              type="radio"
              name={field.name}
              value={level}
              checked={field.value === level}
              onChange={() => field.onChange(level)}
              onBlur={field.onBlur}
              ref={level === 1 ? field.ref : undefined}
              aria-invalid={fieldState.error ? true : undefined}
            />
            <span className="level-number">{t('rubrics.score.level', { level })}</span>
            <span className="level-text">{criterion.levels[level - 1]}</span>
          </label>
        ))}
      </div>
      <FieldErrorText id={errorId} message={fieldState.error?.message} />
    </fieldset>
  );
}
