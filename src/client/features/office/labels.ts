/**
 * The export's labels: always Spanish (the programme reports in Spanish),
 * whatever language the screen is in — the shared vocabulary and the office's
 * own words for the rest. The screens use `labelIn` with their language.
 */
import type { TFunction } from 'i18next';
import { i18n } from '../../i18n';
import type { LabelGroup, Labeller } from '../../../domain/exports/table';
import '../../ui/vocabulary/strings';
import './strings';

const KEYS: Record<LabelGroup, string> = {
  stage: 'vocabulary.stages',
  theme: 'vocabulary.themes',
  sessionType: 'vocabulary.sessionTypes',
  gender: 'vocabulary.genders',
  age: 'vocabulary.ages',
  agreementStatus: 'vocabulary.agreementStatuses',
  severity: 'vocabulary.severities',
  management: 'dashboards.labels.management',
  term: 'dashboards.labels.term',
  kind: 'dashboards.labels.kind',
  party: 'dashboards.labels.party',
  moment: 'dashboards.labels.moment',
};

export function labelIn(t: TFunction): Labeller {
  return (group, code) => t(`${KEYS[group]}.${code}`, { defaultValue: code });
}

/** Spanish labels for the export files. */
export function spanishLabels(): Labeller {
  return labelIn(i18n.getFixedT('es-MX'));
}
