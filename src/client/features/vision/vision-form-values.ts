/** The vision form's shape and schema, and how it maps to and from the stored statement. */
import { z } from 'zod';
import {
  blobRefSchema,
  visionStatementSchema,
  type ThematicArea,
  type VisionStatement,
} from '../../../domain';
import type { VisionView } from '../../data/use-vision';

export const MAX_VISION_PHOTOS = 20;

/**
 * Every rule comes from the domain's visionStatementSchema (its fields, without the rule across them);
 * the session is chosen in the form.
 */
export const visionFormSchema = z
  .object(visionStatementSchema.shape)
  .pick({ sessionId: true, text: true, theme: true })
  .extend({
    problemIds: z.array(z.string()).max(100),
    photos: z.array(blobRefSchema).max(MAX_VISION_PHOTOS),
  });

export type VisionFormValues = z.input<typeof visionFormSchema>;
export type VisionFormOutput = z.output<typeof visionFormSchema>;

export function emptyVisionValues(sessionId = ''): VisionFormValues {
  return { sessionId, text: '', theme: '' as ThematicArea, problemIds: [], photos: [] };
}

export function visionToFormValues(vision: VisionView): VisionFormValues {
  return {
    sessionId: vision.sessionId,
    text: vision.text,
    theme: vision.theme,
    problemIds: [...(vision.problemIds ?? [])],
    photos: [...(vision.photos ?? [])],
  };
}

/** The form as the statement's fields: the form holds just those, under the same names. */
export function formToVision(
  processId: string,
  values: VisionFormValues | VisionFormOutput,
): VisionStatement {
  return { processId, ...values };
}
