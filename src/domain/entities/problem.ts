/**
 * Self-diagnosis: the problems a community identifies, each in one of the
 * programme's 12 thematic areas, with optional causes and effects and links
 * to the tour notes that evidence them. Two problems that turn out to be the
 * same are merged: the absorbed one keeps existing, pointing at the one that
 * survives (`mergedIntoId`), so nothing that referenced it is lost.
 */
import { z } from 'zod';

/** The 12 thematic areas of projects and actions (DESIGN.md), in the programme's order. */
export const THEMATIC_AREAS = [
  'participation',
  'economy',
  'culture',
  'safety',
  'environment',
  'public_space',
  'water',
  'health',
  'gender',
  'sports',
  'mobility',
  'education',
] as const;
export const thematicAreaSchema = z.enum(THEMATIC_AREAS);
export type ThematicArea = z.infer<typeof thematicAreaSchema>;

const shortText = z.string().trim().min(2).max(300);

export const problemSchema = z.object({
  processId: z.uuid(),
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().max(5000).nullish(),
  theme: thematicAreaSchema,
  causes: z.array(shortText).max(30).optional(),
  effects: z.array(shortText).max(30).optional(),
  /** Tour notes (ids) that evidence the problem; their photos come with them. */
  noteIds: z.array(z.uuid()).max(200).optional(),
  /** The session where it was identified, when there is one. */
  sessionId: z.uuid().nullish(),
  /** Set when this problem was merged into another: it then lives on as part of that one. */
  mergedIntoId: z.uuid().nullish(),
});
export type Problem = z.infer<typeof problemSchema>;

function union(a: readonly string[] | undefined, b: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of [...(a ?? []), ...(b ?? [])]) {
    const key = item.trim().toLocaleLowerCase('es-MX');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

/**
 * Merging `absorbed` into `survivor`: the survivor gains the absorbed one's
 * causes, effects and evidence (without repeats) and its description when it
 * had none; the absorbed one points at the survivor. Returns both patches.
 */
export function mergeProblems(
  survivor: Problem,
  absorbed: Problem,
  survivorId: string,
): { survivor: Partial<Problem>; absorbed: Partial<Problem> } {
  if (survivor.processId !== absorbed.processId) throw new Error('Problems of different processes');
  const descriptions = [survivor.description?.trim(), absorbed.description?.trim()].filter(Boolean);
  return {
    survivor: {
      causes: union(survivor.causes, absorbed.causes),
      effects: union(survivor.effects, absorbed.effects),
      noteIds: [...new Set([...(survivor.noteIds ?? []), ...(absorbed.noteIds ?? [])])],
      description: descriptions.length ? [...new Set(descriptions)].join('\n\n').slice(0, 5000) : null,
    },
    absorbed: { mergedIntoId: survivorId },
  };
}
