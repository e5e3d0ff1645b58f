/**
 * The pull cursor: base64url of `{ e: epoch, s: seq, f: scope fingerprint }`.
 * Opaque to clients; built only from the server's commit sequence, never
 * from client clocks.
 */
import { z } from 'zod';
import { InvalidCursor } from './errors';

export interface PullCursor {
  e: string;
  s: number;
  f: string;
}

const cursorSchema = z.object({
  e: z.string().min(1).max(100),
  s: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  f: z.string().min(1).max(100),
});

export function encodeCursor(cursor: PullCursor): string {
  return Buffer.from(JSON.stringify({ e: cursor.e, s: cursor.s, f: cursor.f })).toString('base64url');
}

/** Throws InvalidCursor for anything this server did not make. */
export function decodeCursor(raw: string): PullCursor {
  const invalid = new InvalidCursor();
  if (raw.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw invalid;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) throw invalid;
  return parsed.data;
}
