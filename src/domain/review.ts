/**
 * The coordinators' review queue, as the server answers it and the office's
 * screens read it: rejected changes and delete/edit crossings in the
 * viewer's scope, what was done with each (resolved with a corrected value
 * through the write path, dismissed with a note, a question to the field),
 * and the notices a field user's device collects at sync (its "novedades").
 */
import { z } from 'zod';

export const REVIEW_ITEM_STATES = ['open', 'resolved', 'dismissed', 'asked'] as const;
export type ReviewItemState = (typeof REVIEW_ITEM_STATES)[number];
export const REVIEW_ITEM_ACTIONS = ['resolved', 'dismissed', 'asked'] as const;
export type ReviewItemAction = (typeof REVIEW_ITEM_ACTIONS)[number];

/** `r-<clientId>-<mutationId>` (a rejected change) or `c-<uuid>` (a crossing). */
export const reviewItemIdSchema = z
  .string()
  .max(80)
  .regex(/^(r-[0-9a-f-]{36}-\d{1,15}|c-[0-9a-f-]{36})$/, 'Not a review item id');

export const reviewEventSchema = z.object({
  id: z.string(),
  action: z.enum(REVIEW_ITEM_ACTIONS),
  note: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type ReviewEvent = z.infer<typeof reviewEventSchema>;

export const reviewItemSchema = z.object({
  id: reviewItemIdSchema,
  kind: z.enum(['rejection', 'conflict']),
  /** The rejection's code (`forbidden`, `validation_failed`, …) or the crossing's kind. */
  code: z.string(),
  /** The server's technical reason (English); screens say `code` in words. */
  message: z.string(),
  userId: z.string(),
  userName: z.string(),
  clientId: z.string(),
  mutationId: z.number().int(),
  entity: z.string(),
  recordId: z.string(),
  processId: z.string().nullable(),
  /** The record's title or name (stored, else as the change sent it). */
  recordTitle: z.string().nullable(),
  op: z.enum(['put', 'delete']),
  /** The values the change sent (null for a delete). */
  proposed: z.record(z.string(), z.unknown()).nullable(),
  /** Fields a crossing concerns. */
  fields: z.array(z.string()),
  state: z.enum(REVIEW_ITEM_STATES),
  createdAt: z.string(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const reviewItemDetailSchema = reviewItemSchema.extend({
  /** The record as the server holds it now (null when it never reached the server). */
  current: z.object({ deleted: z.boolean(), fields: z.record(z.string(), z.unknown()) }).nullable(),
  events: z.array(reviewEventSchema),
});
export type ReviewItemDetail = z.infer<typeof reviewItemDetailSchema>;

const note = z.string().trim().max(2000);

export const resolveReviewRequestSchema = z.object({
  /** The corrected values, written as the coordinator through the normal write path. */
  fields: z
    .record(z.string().min(1).max(100), z.unknown())
    .refine((f) => Object.keys(f).length > 0 && Object.keys(f).length <= 200, 'Escribe al menos un valor'),
  note: note.optional(),
});
export type ResolveReviewRequest = z.infer<typeof resolveReviewRequestSchema>;

export const dismissReviewRequestSchema = z.object({ note: note.min(1, 'Escribe una nota') });
export type DismissReviewRequest = z.infer<typeof dismissReviewRequestSchema>;

export const askReviewRequestSchema = z.object({ message: note.min(1, 'Escribe el mensaje') });
export type AskReviewRequest = z.infer<typeof askReviewRequestSchema>;

/** What a coordinator did with one of the caller's changes (their device's "novedades"). */
export const reviewNoticeSchema = z.object({
  id: z.string(),
  action: z.enum(REVIEW_ITEM_ACTIONS),
  note: z.string(),
  byName: z.string(),
  at: z.string(),
  itemId: z.string(),
  code: z.string(),
  entity: z.string(),
  recordId: z.string(),
  recordTitle: z.string().nullable(),
});
export type ReviewNotice = z.infer<typeof reviewNoticeSchema>;
