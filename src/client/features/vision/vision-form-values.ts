/** The vision form's shape and schema, and how it maps to and from the stored statement. */
import { z } from 'zod';
import {
  blobRefSchema,
  visionStatementSchema,
  type ThematicArea,
  type VisionStatement,
} from '../../../domain';
import type { VisionView } from '../../data/use-vision';

const shape = visionStatementSchema.shape;
export const MAX_VISION_PHOTOS = 20;

/** Every rule comes from the domain's visionStatementSchema; the session is chosen in the form. */
export const visionFormSchema = z.object({
  sessionId: shape.sessionId,
  text: shape.text,
  theme: shape.theme,
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

/** The form as the statement's fields. */
export function formToVision(
  processId: string,
  values: VisionFormValues | VisionFormOutput,
): VisionStatement {
  return {
    processId,
    sessionId: values.sessionId,
    text: values.text,
    theme: values.theme,
    problemIds: values.problemIds,
    photos: values.photos,
  };
}
