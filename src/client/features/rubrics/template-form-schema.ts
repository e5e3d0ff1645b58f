/**
 * The template editor's rules: the fields of `rubricTemplateSchema` a person
 * writes (the version bookkeeping is the repository's), with the choice of
 * session type or moment worded in the UI language.
 */
import { z } from 'zod';
import { RUBRIC_KINDS, momentSchema, rubricCriterionSchema, sessionTypeSchema } from '../../../domain';
import { i18n } from '../../i18n';
import './strings';

export interface CriterionValues {
  id: string;
  label: string;
  levels: [string, string, string, string];
}

export interface TemplateFormValues {
  name: string;
  description: string;
  kind: (typeof RUBRIC_KINDS)[number];
  appliesTo: 'session' | 'moment';
  sessionType: string;
  moment: string;
  criteria: CriterionValues[];
}

const emptyToNull = (v: unknown) => (v === '' ? null : v);

export function templateFormSchema() {
  const t = i18n.t.bind(i18n);
  return z
    .object({
      name: z.string().trim().min(3).max(160),
      description: z.string().trim().max(1000),
      kind: z.enum(RUBRIC_KINDS),
      appliesTo: z.enum(['session', 'moment']),
      sessionType: z.preprocess(emptyToNull, sessionTypeSchema.nullable()),
      moment: z.preprocess(emptyToNull, momentSchema.nullable()),
      criteria: z.array(rubricCriterionSchema).min(1).max(12),
    })
    .superRefine((v, ctx) => {
      if (v.appliesTo === 'session' && !v.sessionType)
        ctx.addIssue({
          code: 'custom',
          path: ['sessionType'],
          message: t('rubrics.editor.chooseSessionType'),
        });
      if (v.appliesTo === 'moment' && !v.moment)
        ctx.addIssue({ code: 'custom', path: ['moment'], message: t('rubrics.editor.chooseMoment') });
    });
}
export type TemplateFormOutput = z.infer<ReturnType<typeof templateFormSchema>>;
