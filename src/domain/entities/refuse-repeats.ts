/** A rule several record schemas share: a list of ids (or values) names each one once. */
import type { z } from 'zod';

/** In a schema's superRefine: reports `message` at `path` when `values` hold one twice. */
export function refuseRepeats(
  ctx: z.RefinementCtx,
  values: readonly unknown[],
  path: string,
  message: string,
) {
  if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: [path], message });
}
