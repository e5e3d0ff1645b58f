import type { ReactNode, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface NumberStepperProps {
  id: string;
  /** Visible label; may hold visually hidden context (e.g. the gender of a grid row). */
  label: ReactNode;
  /** Plain-text label for the −/+ buttons' names. */
  labelText: string;
  value: number;
  onChange(value: number): void;
  onBlur?(): void;
  max?: number;
  invalid?: boolean;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A count with large −/+ buttons that also accepts typing. Only digits get
 * through, so the value can never go below 0; the text is selected on focus
 * so a typed number replaces the old one.
 */
export function NumberStepper({
  id,
  label,
  labelText,
  value,
  onChange,
  onBlur,
  max = 100_000,
  invalid,
  describedBy,
  inputRef,
}: NumberStepperProps) {
  const { t } = useTranslation();
  const safe = Number.isFinite(value) ? value : 0;
  const set = (next: number) => onChange(Math.max(0, Math.min(max, next)));
  return (
    <div className="stepper">
      <label htmlFor={id} className="stepper-label">
        {label}
      </label>
      <div className="stepper-controls">
        <button
          type="button"
          className="button stepper-button"
          aria-label={t('stepper.decrease', { label: labelText })}
          disabled={safe <= 0}
          onClick={() => set(safe - 1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <input
          id={id}
          ref={inputRef}
          className="stepper-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={String(safe)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onFocus={(e) => e.currentTarget.select()}
          onBlur={onBlur}
          onChange={(e) => {
            const digits = e.currentTarget.value.replace(/\D/g, '');
            set(digits === '' ? 0 : Number.parseInt(digits, 10));
          }}
        />
        <button
          type="button"
          className="button stepper-button"
          aria-label={t('stepper.increase', { label: labelText })}
          disabled={safe >= max}
          onClick={() => set(safe + 1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </div>
  );
}
