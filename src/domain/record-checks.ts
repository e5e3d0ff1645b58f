/**
 * Checks every written record must pass besides its entity's schema, shared by
 * the server's write path and the device's forms: no field the entity does not
 * have (at any depth), and no control characters in text.
 *
 * zod objects drop unknown keys when they parse, but a record is stored as it
 * was sent (the merge works on raw fields), so an unknown key would be kept and
 * sent to every reader. These checks refuse such a write instead.
 */
import type { z } from 'zod';
import type { Fields } from './merge';

/**
 * Control characters no text field may hold: C0 controls and DEL, except tab,
 * line feed and carriage return (a Windows line break is CR LF). NUL cannot be
 * stored by PostgreSQL at all, and XML (GPX exports) cannot carry any of them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function hasForbiddenControl(text: string): boolean {
  return FORBIDDEN_CONTROL.test(text);
}

/** Path of the first string (value or object key) under `value` holding a forbidden control character. */
export function findControlCharacter(value: unknown, path: string, depth = 0): string | null {
  if (depth > 64) return null;
  if (typeof value === 'string') return hasForbiddenControl(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], `${path}.${i}`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (hasForbiddenControl(key)) return `${path}.(key)`;
    const found = findControlCharacter(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Paths of object keys that `input` holds and the schema's output dropped:
 * fields the entity does not have. `output` is what the schema parsed from
 * `input` (transforms such as trimming keep keys; records keep every key).
 */
export function findUnknownKeys(
  input: unknown,
  output: unknown,
  path: string,
  found: string[] = [],
): string[] {
  if (found.length >= 10 || input === null || typeof input !== 'object') return found;
  if (output === null || typeof output !== 'object') return found;
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return found;
    input.forEach((item, i) => findUnknownKeys(item, output[i], `${path}.${i}`, found));
    return found;
  }
  const out = output as Record<string, unknown>;
  for (const [key, item] of Object.entries(input as Record<string, unknown>)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) found.push(`${path}.${key}`);
    else findUnknownKeys(item, out[key], `${path}.${key}`, found);
  }
  return found;
}

/** The top-level field names an entity's schema declares. */
export function declaredFields(schema: z.ZodType<Fields>): ReadonlySet<string> {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return new Set(shape ? Object.keys(shape) : []);
}
