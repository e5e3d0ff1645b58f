import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TourNoteView } from '../../data/use-tour-notes';
import { formatDateTime } from '../../ui/format';
import { FormSection } from '../../ui/form-section';
import type { ProblemFormValues } from './problem-form-values';
import './strings';

/**
 * Evidence: the process's tour notes as checkboxes. Ids of notes this
 * device does not hold (yet) stay linked: unticking only removes what the
 * user can see.
 */
export function EvidenceField({ notes }: { notes: TourNoteView[] }) {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<ProblemFormValues>();
  const { field } = useController({ control, name: 'noteIds' });
  const chosen = field.value;
  const toggle = (id: string, on: boolean) =>
    field.onChange(on ? [...chosen.filter((x) => x !== id), id] : chosen.filter((x) => x !== id));

  return (
    <FormSection
      heading={t('problems.evidence.legend')}
      aria-describedby={notes.length > 0 ? 'problem-evidence-hint' : undefined}
    >
      {notes.length === 0 ? (
        <p className="empty">{t('problems.evidence.none')}</p>
      ) : (
        <>
          <p id="problem-evidence-hint" className="field-hint">
            {t('problems.evidence.hint')}
          </p>
          <ul className="plain-list evidence-list">
            {notes.map((note) => {
              const photos = note.photos?.length ?? 0;
              return (
                <li key={note.id}>
                  <label className="choice problem-checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(note.id)}
                      onChange={(e) => toggle(note.id, e.currentTarget.checked)}
                      onBlur={field.onBlur}
                    />
                    <span>
                      <strong>{note.description}</strong>
                      <span className="evidence-meta">
                        {t(`vocabulary.themes.${note.theme}`)} ·{' '}
                        {t('problems.evidence.severity', {
                          severity: t(`vocabulary.severities.${note.severity}`),
                        })}{' '}
                        · {t('problems.evidence.photos', { count: photos })} ·{' '}
                        <time dateTime={note.takenAt}>{formatDateTime(note.takenAt, i18n.language)}</time>
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </FormSection>
  );
}
