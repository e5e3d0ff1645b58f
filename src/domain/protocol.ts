/**
 * Wire shapes of the sync protocol (spec/sync-protocol.md), as zod schemas
 * shared by the server (validation, OpenAPI) and the client (typing).
 */
import { z } from 'zod';
import { hlcSchema } from './hlc';

export const PROTOCOL_LIMITS = {
  maxMutationsPerPush: 500,
  maxPushBytes: 5 * 1024 * 1024,
  defaultPullLimit: 500,
  maxPullLimit: 1000,
  clockSkewWarningMs: 5 * 60 * 1000,
  /**
   * How far ahead of the server's own time a stored stamp may be (ADR 0005).
   * A mutation stamped further ahead is re-stamped by the server at receipt
   * (result code `clock_ahead`, the stored stamp in `hlc`); no clock advances
   * from a stamp beyond it. Equal to the skew warning: a device whose writes
   * are re-stamped is also told that its date is wrong.
   */
  maxClockAheadMs: 5 * 60 * 1000,
} as const;

export const ROLES = ['admin', 'coordinator', 'facilitator', 'promoter'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const scopeSchema = z.object({
  /** `borough`: everything; `directorates`: the listed ones; `processes`: the processes they are assigned to. */
  kind: z.enum(['borough', 'directorates', 'processes']),
  directorates: z.array(z.string()).optional(),
});
export type Scope = z.infer<typeof scopeSchema>;

/** An account as coordinators see it in lists (`GET /api/v1/users`). */
export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userSchema = userSummarySchema.extend({ scope: scopeSchema });
export type User = z.infer<typeof userSchema>;

/** True when `text` holds a control character (NUL, line breaks, escapes…). */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * A one-line label or name stored as its own column (device labels,
 * display names): trimmed, 1–`max` characters, no control characters —
 * PostgreSQL cannot store NUL at all, and a line break has no place in a label.
 */
export function labelTextSchema(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => !hasControlCharacters(text), 'control characters are not allowed');
}

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  deviceLabel: labelTextSchema(200),
  /** The key a previous login returned to this device; an unknown or stale key counts as none. */
  deviceKey: z.string().max(200).optional(),
  /**
   * Extension: the password that replaces a one-time code (after a reset). Without it such a
   * sign-in answers 409 `password_change_required`; the rules are those of domain/accounts.ts.
   */
  newPassword: z.string().max(1000).optional(),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  user: userSchema,
  /** Keep it and send it with later logins: it lets this device sign in while strangers are slowed down. */
  deviceKey: z.string().optional(),
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

const fieldName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/);

export const mutationSchema = z.discriminatedUnion('op', [
  z.object({
    id: z.number().int().min(1),
    entity: z.string().min(1).max(64),
    recordId: z.uuid(),
    op: z.literal('put'),
    fields: z.record(fieldName, z.unknown()),
    hlc: hlcSchema,
    /** Extension: per-field stamps that override `hlc` (re-push after an epoch change keeps original stamps). */
    hlcs: z.record(fieldName, hlcSchema).optional(),
  }),
  z.object({
    id: z.number().int().min(1),
    entity: z.string().min(1).max(64),
    recordId: z.uuid(),
    op: z.literal('delete'),
    hlc: hlcSchema,
  }),
]);
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  clientId: z.uuid(),
  serverEpoch: z.string().min(1).max(100).nullable(),
  mutations: z.array(mutationSchema).min(1).max(PROTOCOL_LIMITS.maxMutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  id: z.number().int(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
  /**
   * Extension, with `status: "applied"` and `code: "clock_ahead"`: the stamp the
   * server stored instead of each stamp of the mutation that was more than
   * `maxClockAheadMs` ahead of `serverTime` (ADR 0005). The client re-stamps
   * those fields of its own copy with it, so both sides hold the same stamps.
   */
  hlc: hlcSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

/**
 * A rejected mutation as the device and the server each record it: which
 * mutation, on which record, and why (a result without a code is `rejected`).
 */
export function rejectionOf(mutation: Mutation, result: MutationResult) {
  return {
    mutationId: mutation.id,
    entity: mutation.entity,
    recordId: mutation.recordId,
    code: result.code ?? 'rejected',
    message: result.message ?? '',
  };
}

export const pushResponseSchema = z.object({
  serverEpoch: z.string(),
  serverTime: z.string(),
  lastMutationId: z.number().int(),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const changeSchema = z.object({
  entity: z.string(),
  id: z.string(),
  deleted: z.boolean(),
  fields: z.record(z.string(), z.unknown()),
  hlcs: z.record(z.string(), hlcSchema),
});
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  serverEpoch: z.string(),
  serverTime: z.string(),
  cursor: z.string(),
  hasMore: z.boolean(),
  changes: z.array(changeSchema),
  /**
   * Only when the pull asked `estimate=1`: how many records the reader would still receive after
   * this page if nothing changed meanwhile (an estimate for progress, e.g. a device's first download).
   */
  remaining: z.number().int().min(0).optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()).optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  storage: z.enum(['sqlite', 'postgres']),
});

/** A device (one login token) of a user (`GET /api/v1/auth/devices`). */
export const deviceViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  deviceLabel: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The device making this request. */
  current: z.boolean(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;
