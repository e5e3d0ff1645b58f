/**
 * The score form's rules, built for one template: every criterion needs a
 * level, interview notes need their text. Messages in the UI language.
 */
import { z } from 'zod';
import { interviewNoteSchema, type RubricTemplate } from '../../../domain';
import { i18n } from '../../i18n';
import './strings';

export interface InterviewValues {
  id: string;
  kind: 'group' | 'individual';
  text: string;
  participants: number | null;
}

export interface ScoreFormValues {
  levels: Record<string, number | undefined>;
  comment: string;
  interviews: InterviewValues[];
}

export function scoreFormSchema(template: Pick<RubricTemplate, 'criteria'>) {
  const t = i18n.t.bind(i18n);
  const level = (label: string) =>
    z
      .number({ error: t('rubrics.score.chooseLevel', { label }) })
      .int()
      .min(1)
      .max(4);
  return z.object({
    levels: z.object(Object.fromEntries(template.criteria.map((c) => [c.id, level(c.label)]))),
    comment: z.string().trim().max(4000),
    interviews: z
      .array(
        interviewNoteSchema.extend({
          participants: z
            .number({ error: t('errors.wholeNumber') })
            .int()
            .min(1)
            .max(1000)
            .nullable(),
        }),
      )
      .max(30),
  });
}
export type ScoreFormOutput = z.infer<ReturnType<typeof scoreFormSchema>>;
