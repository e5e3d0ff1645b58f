import { useController, useFormContext, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, GENDERS, attendanceTotal, type AgeGroup, type Gender } from '../../../domain';
import { errorText } from '../../i18n/zod-errors';
import { FieldErrorText } from '../../ui/field';
import { formatNumber } from '../../ui/format';
import { NumberStepper } from '../../ui/number-stepper';
import { FormSection } from '../../ui/form-section';
import type { SessionFormValues } from './session-form-values';
import './strings';

/** The domain's own check (indigenous/disability ≤ total) arrives worded in Spanish: re-word it in the UI language. */
const SUBSET_OVERRIDES = { custom: 'errors.subsetExceedsTotal' };

/** The people counted apart from the grid (as part of its total), each a key of `attendance`. */
const INCLUSION_COUNTS = ['indigenous', 'disability'] as const;

function CountField({
  name,
  id,
  labelText,
  label = labelText,
}: {
  name: FieldPath<SessionFormValues>;
  id: string;
  /** What the stepper's buttons are named after. */
  labelText: string;
  /** The visible label, when it is not just `labelText`. */
  label?: React.ReactNode;
}) {
  const { control } = useFormContext<SessionFormValues>();
  const { field, fieldState } = useController({ control, name });
  const message = errorText(fieldState.error, SUBSET_OVERRIDES);
  const errorId = message ? `${id}-error` : undefined;
  return (
    <div className="count-field">
      <NumberStepper
        id={id}
        label={label}
        labelText={labelText}
        value={typeof field.value === 'number' ? field.value : 0}
        onChange={field.onChange}
        onBlur={field.onBlur}
        inputRef={field.ref}
        invalid={Boolean(message)}
        describedBy={errorId}
      />
      <FieldErrorText id={errorId} message={message} />
    </div>
  );
}

function GenderRow({ gender }: { gender: Gender }) {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const row = useWatch({ control, name: `attendance.counts.${gender}` });
  const subtotal = AGE_GROUPS.reduce((sum, age) => sum + (row?.[age] ?? 0), 0);
  const genderLabel = t(`vocabulary.genders.${gender}`);
  return (
    <fieldset className="attendance-row">
      <legend>{genderLabel}</legend>
      <div className="stepper-grid">
        {AGE_GROUPS.map((age: AgeGroup) => {
          const ageLabel = t(`vocabulary.ages.${age}`);
          return (
            <CountField
              key={age}
              name={`attendance.counts.${gender}.${age}`}
              id={`attendance-${gender}-${age}`}
              labelText={`${genderLabel}, ${ageLabel}`}
              label={
                <>
                  <span className="visually-hidden">{genderLabel}, </span>
                  {ageLabel}
                </>
              }
            />
          );
        })}
      </div>
      <p className="subtotal">
        {t('attendance.subtotal', { count: subtotal, formatted: formatNumber(subtotal, i18n.language) })}
      </p>
    </fieldset>
  );
}

/**
 * Attendance as aggregated counts (no names): genders × age groups, then the
 * indigenous and disability counts, with a running total announced politely
 * to screen readers as it changes.
 */
export function AttendanceGrid() {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<SessionFormValues>();
  const attendance = useWatch({ control, name: 'attendance' });
  const total = attendanceTotal(attendance);
  return (
    <FormSection heading={t('attendance.legend')} className="attendance">
      <p className="field-hint">{t('attendance.hint')}</p>
      {GENDERS.map((gender) => (
        <GenderRow key={gender} gender={gender} />
      ))}
      <p className="attendance-total" role="status" aria-live="polite" aria-atomic="true">
        {t('attendance.total', { count: total, formatted: formatNumber(total, i18n.language) })}
      </p>
      <fieldset className="attendance-row">
        <legend>{t('attendance.inclusion')}</legend>
        <p className="field-hint">{t('attendance.inclusionHint')}</p>
        <div className="stepper-grid">
          {INCLUSION_COUNTS.map((key) => (
            <CountField
              key={key}
              name={`attendance.${key}`}
              id={`attendance-${key}`}
              labelText={t(`attendance.${key}`)}
            />
          ))}
        </div>
      </fieldset>
    </FormSection>
  );
}
