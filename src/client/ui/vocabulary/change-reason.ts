/** Why the server refused a change, or how a delete and an edit crossed, in words; and a record's kind. */
import type { TFunction } from 'i18next';
import './strings';

/** `forbidden`, `validation_failed`, `edit_of_deleted`… in words; an unknown code is named as it is. */
export function changeReasonText(code: string, t: TFunction): string {
  return t(`vocabulary.changeReasons.${code}`, {
    defaultValue: t('vocabulary.changeReasons.other', { code }),
  });
}

/** `session` → "Sesión". */
export function recordKindText(entity: string, t: TFunction): string {
  return t(`vocabulary.recordKinds.${entity}`, { defaultValue: t('vocabulary.recordKinds.other') });
}
