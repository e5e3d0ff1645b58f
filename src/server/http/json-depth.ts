/**
 * A bound on how deeply a JSON body may nest. Real requests nest a handful
 * of levels (a push reaches about eight); a body nested thousands deep is
 * an attack on every recursive step that follows — validation, merging,
 * JSON.stringify on the way into the database — which would fail with a
 * stack overflow (a 500) instead of a clear 400.
 */
import { HttpError } from './errors';

export const MAX_JSON_DEPTH = 64;

/** True when `value` has containers nested more than `max` levels deep (checked without recursion). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

export const tooDeep = () =>
  new HttpError(400, 'invalid_json', `The body is nested more than ${MAX_JSON_DEPTH} levels deep`);
