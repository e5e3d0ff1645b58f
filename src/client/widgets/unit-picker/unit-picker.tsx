import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KEY_PATTERN } from '../../../domain';
import { looksLikeUnitKey, normalizeForSearch, searchUnits } from '../../../domain/territory-search';
import { useDirectorates, useUnits, type UnitView } from '../../data/use-territory';
import { FieldErrorText } from '../../ui/field';
import { formatNumber } from '../../ui/format';
import './unit-picker.css';
import './strings';

export interface UnitPickerProps {
  id: string;
  /** The chosen units' keys. */
  value: string[];
  onChange(keys: string[]): void;
  onBlur?(): void;
  /** Error from the form (already translated). */
  error?: string | undefined;
  inputRef?: React.Ref<HTMLInputElement>;
  /** Marked required (a process's units); a project's place may be left empty. */
  required?: boolean;
}

const MAX_SHOWN = 6;

/** Splits typed or pasted text into entries: commas and semicolons always, spaces between keys. */
export function splitUnitEntries(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .flatMap((part) => (looksLikeUnitKey(part.replace(/\s+/g, '')) ? part.split(/\s+/) : [part]))
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The units of a process, chosen by name: type part of a neighbourhood's
 * name ("aculco") or its key and pick it from the list, which shows each
 * unit's key, population and directorate. It searches the territory this
 * device holds (reference data), so it works offline; a device without the
 * territory still takes keys typed in the `07-001` format. The chosen units
 * are chips, each with its remove button.
 *
 * Keyboard (ARIA 1.2 combobox with a list): ↓/↑ move through the list,
 * Enter picks, Escape closes the list (or clears the text). The first match
 * is ready to pick, so "aculco" + Enter is enough.
 */
export function UnitPicker({
  id,
  value,
  onChange,
  onBlur,
  error,
  inputRef,
  required = true,
}: UnitPickerProps) {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const directorates = useDirectorates();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const optionPrefix = useId();

  const chosen = useMemo(() => new Set(value), [value]);
  const byKey = useMemo(() => new Map((units ?? []).map((u) => [u.key, u])), [units]);
  const directorateNames = useMemo(
    () => new Map((directorates ?? []).map((d) => [d.id, d.name])),
    [directorates],
  );
  const { matches, total } = useMemo(
    () => searchUnits(units ?? [], text, { limit: MAX_SHOWN, exclude: chosen }),
    [units, text, chosen],
  );
  const hasTerritory = units === undefined || units.length > 0;
  const expanded = open && matches.length > 0;
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (index: number) => `${optionPrefix}-option-${index}`;
  const message = localError ?? error;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;

  // The active option stays in view as the arrows move through the list.
  useEffect(() => {
    if (!expanded) return;
    document.getElementById(`${optionPrefix}-option-${current}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, current, optionPrefix]);

  const unitLabel = (key: string) => {
    const unit = byKey.get(key);
    return unit ? `${key} ${unit.name}` : key;
  };

  const add = (keys: string[]) => {
    const fresh = [...new Set(keys)].filter((key) => !chosen.has(key));
    if (fresh.length > 0) onChange([...value, ...fresh]);
  };

  const pick = (unit: UnitView) => {
    add([unit.key]);
    setText('');
    setOpen(false);
    setActive(0);
    setLocalError(null);
    input.current?.focus();
  };

  /** Typed or pasted entries: keys as they are, names that point to exactly one unit; the rest stays. */
  const commit = (raw: string) => {
    const entries = splitUnitEntries(raw);
    if (entries.length === 0) return;
    const keys: string[] = [];
    const badKeys: string[] = [];
    const unknown: string[] = [];
    for (const entry of entries) {
      if (UNIT_KEY_PATTERN.test(entry)) keys.push(entry);
      else if (looksLikeUnitKey(entry)) badKeys.push(entry);
      else {
        const found = searchUnits(units ?? [], entry, { limit: 2 }).matches;
        const exact = found.find((u) => normalizeForSearch(u.name) === normalizeForSearch(entry));
        const unit = exact ?? (found.length === 1 ? found[0] : undefined);
        if (unit) keys.push(unit.key);
        else unknown.push(entry);
      }
    }
    add(keys);
    const left = [...badKeys, ...unknown];
    setText(left.join(', '));
    setOpen(unknown.length > 0);
    setActive(0);
    setLocalError(
      badKeys.length > 0
        ? t('errors.unitKeyNamed', { keys: badKeys.join(', ') })
        : unknown.length > 0 && searchUnits(units ?? [], unknown[0]!, { limit: 1 }).total === 0
          ? t('unitPicker.notFound', { text: unknown.join(', ') })
          : null,
    );
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (matches.length === 0) return;
      e.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : matches.length - 1);
      } else {
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((current + step + matches.length) % matches.length);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const unit = expanded ? matches[current] : undefined;
      if (unit) pick(unit);
      else commit(text);
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        e.preventDefault();
        setText('');
        setLocalError(null);
      }
    }
  };

  const population = value.reduce((sum, key) => sum + (byKey.get(key)?.population ?? 0), 0);
  const statusText = !text.trim()
    ? ''
    : expanded
      ? total > matches.length
        ? t('unitPicker.more', { shown: matches.length, total })
        : t('unitPicker.found', { count: total })
      : '';

  return (
    <div className={message ? 'field field-invalid unit-picker' : 'field unit-picker'}>
      <label htmlFor={id}>
        {t('unitPicker.label')}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <p id={hintId} className="field-hint">
        {hasTerritory ? t('unitPicker.hint') : t('unitPicker.hintNoTerritory')}
      </p>
      {value.length > 0 ? (
        <>
          <ul className="chips plain-list" aria-label={t('unitPicker.chosen')}>
            {value.map((key) => (
              <li key={key} className="chip">
                <span>{unitLabel(key)}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('unitPicker.remove', { unit: unitLabel(key) })}
                  onClick={() => {
                    onChange(value.filter((k) => k !== key));
                    input.current?.focus();
                  }}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
          {population > 0 ? (
            <p className="field-hint">
              {t('unitPicker.totalPopulation', {
                count: value.length,
                formatted: formatNumber(population, i18n.language),
              })}
            </p>
          ) : null}
        </>
      ) : null}
      <input
        id={id}
        ref={(el) => {
          input.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) inputRef.current = el;
        }}
        type="text"
        role="combobox"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={text}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded ? optionId(current) : undefined}
        aria-invalid={message ? true : undefined}
        aria-describedby={[hintId, statusId, message ? errorId : null].filter(Boolean).join(' ')}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setLocalError(null);
          setActive(0);
          if (/[,;]/.test(next)) commit(next);
          else {
            setText(next);
            setOpen(true);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          // A key typed and left is taken, as before; a name waits to be picked from the list.
          if (looksLikeUnitKey(text)) commit(text);
          onBlur?.();
        }}
      />
      <ul
        id={listId}
        role="listbox"
        className="unit-options plain-list"
        aria-label={t('unitPicker.suggestions')}
        hidden={!expanded}
      >
        {matches.map((unit, index) => (
          <li
            key={unit.key}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className="unit-option"
            // Keep the focus in the box: the pick happens on click.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(unit)}
          >
            <span className="unit-option-name">{unit.name}</span>
            <span className="unit-option-meta">
              {unit.key} ·{' '}
              {t('unitPicker.population', {
                count: unit.population,
                formatted: formatNumber(unit.population, i18n.language),
              })}{' '}
              ·{' '}
              {(unit.directorateId ? directorateNames.get(unit.directorateId) : undefined) ??
                t('vocabulary.noDirectorate')}
            </span>
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" className="field-hint">
        {statusText}
      </p>
      <FieldErrorText id={errorId} message={message ?? undefined} />
    </div>
  );
}
