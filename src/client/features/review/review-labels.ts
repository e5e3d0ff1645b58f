import type { TFunction } from 'i18next';
import type { ReviewItem } from '../../data/use-review';
import { recordKindText } from '../../ui/vocabulary/change-reason';
import './strings';

/** "Sesión: Asamblea de arranque". */
export function itemTitle(item: Pick<ReviewItem, 'entity' | 'recordTitle'>, t: TFunction): string {
  return t('review.itemTitle', {
    kind: recordKindText(item.entity, t),
    title: item.recordTitle ?? t('review.untitled'),
  });
}

/** A value as the coordinator reads and edits it: text as it is, anything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
