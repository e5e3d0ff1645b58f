/** The problem form's shape and schema, and how it maps to and from the stored problem. */
import { z } from 'zod';
import { problemSchema, type ThematicArea } from '../../../domain';
import type { ProblemInput, ProblemView } from '../../data/use-problems';

const shape = problemSchema.shape;
/** A cause or effect: the domain's own rule for one item of the list. */
const itemText = shape.causes.unwrap().element;

/**
 * Causes and effects are edited as lists of `{ text }` (react-hook-form's
 * field arrays need objects); every rule comes from the domain's problemSchema.
 */
export const problemFormSchema = z.object({
  title: shape.title,
  description: z.string().trim().max(5000),
  theme: shape.theme,
  causes: z.array(z.object({ text: itemText })).max(30),
  effects: z.array(z.object({ text: itemText })).max(30),
  noteIds: z.array(z.string()).max(200),
});

export type ProblemFormValues = z.input<typeof problemFormSchema>;
export type ProblemFormOutput = z.output<typeof problemFormSchema>;

export function emptyProblemValues(): ProblemFormValues {
  return { title: '', description: '', theme: '' as ThematicArea, causes: [], effects: [], noteIds: [] };
}

export function problemToFormValues(problem: ProblemView): ProblemFormValues {
  return {
    title: problem.title,
    description: problem.description ?? '',
    theme: problem.theme,
    causes: (problem.causes ?? []).map((text) => ({ text })),
    effects: (problem.effects ?? []).map((text) => ({ text })),
    noteIds: [...(problem.noteIds ?? [])],
  };
}

/** The validated form as problem fields (an empty description is absent). */
export function formToProblem(
  processId: string,
  values: ProblemFormValues | ProblemFormOutput,
): ProblemInput {
  return {
    processId,
    title: values.title,
    description: values.description === '' ? null : values.description,
    theme: values.theme,
    causes: values.causes.map((c) => c.text),
    effects: values.effects.map((e) => e.text),
    noteIds: values.noteIds,
  };
}
