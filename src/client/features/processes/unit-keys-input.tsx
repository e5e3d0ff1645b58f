import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KEY_PATTERN } from '../../../domain';
import { useUnits, useUnitsByKeys } from '../../data/use-territory';
import { FieldErrorText } from '../../ui/field';

export interface UnitKeysInputProps {
  id: string;
  value: string[];
  onChange(keys: string[]): void;
  onBlur?(): void;
  /** Error from the form (already translated). */
  error?: string | undefined;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** Splits typed or pasted text ("07-001, 07-002") into keys. */
export function splitUnitKeys(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((key) => key.trim())
    .filter(Boolean);
}

/**
 * Unit keys as removable chips. Keys are added with Enter, a comma or the
 * "Agregar" button (and on leaving the box), each checked against the
 * `07-001` format right away so a typo is caught where it is typed. A key
 * the device's territory knows shows with its unit's name.
 */
export function UnitKeysInput({ id, value, onChange, onBlur, error, inputRef }: UnitKeysInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const message = localError ?? error;
  // Names from the territory this device holds (reference data); a key it does not know shows alone.
  const units = useUnitsByKeys(value);
  const names = new Map((units ?? []).map((u) => [u.key, u.name]));
  // All known units as suggestions: typing part of a name offers its key.
  const allUnits = useUnits();
  const listId = `${id}-units`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const commit = (raw: string): void => {
    const keys = splitUnitKeys(raw);
    if (keys.length === 0) return;
    const invalid = keys.filter((key) => !UNIT_KEY_PATTERN.test(key));
    const valid = keys.filter((key) => UNIT_KEY_PATTERN.test(key) && !value.includes(key));
    if (valid.length > 0) onChange([...value, ...new Set(valid)]);
    setText(invalid.join(', '));
    setLocalError(invalid.length > 0 ? t('errors.unitKeyNamed', { keys: invalid.join(', ') }) : null);
  };

  return (
    <div className={message ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {t('processes.unitKeys')}
        <span aria-hidden="true"> *</span>
      </label>
      <p id={hintId} className="field-hint">
        {t('processes.unitKeysHint')}
      </p>
      {value.length > 0 ? (
        <ul className="chips plain-list" aria-label={t('processes.unitKeysAdded')}>
          {value.map((key) => (
            <li key={key} className="chip">
              <span>
                {key}
                {names.has(key) ? ` ${names.get(key)}` : ''}
              </span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('processes.removeUnitKey', { key })}
                onClick={() => onChange(value.filter((k) => k !== key))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-row">
        <input
          id={id}
          ref={inputRef}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="grow"
          value={text}
          list={allUnits && allUnits.length > 0 ? listId : undefined}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${hintId} ${errorId}` : hintId}
          onChange={(e) => {
            const next = e.currentTarget.value;
            if (/[,;]/.test(next)) commit(next);
            else setText(next);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(text);
            }
          }}
          onBlur={() => {
            commit(text);
            onBlur?.();
          }}
        />
        <button type="button" className="button" onClick={() => commit(text)}>
          {t('common.add')}
        </button>
      </div>
      {allUnits && allUnits.length > 0 ? (
        <datalist id={listId}>
          {allUnits.map((unit) => (
            <option key={unit.key} value={unit.key} label={`${unit.key} ${unit.name}`} />
          ))}
        </datalist>
      ) : null}
      <FieldErrorText id={errorId} message={message ?? undefined} />
    </div>
  );
}
