/**
 * The ids of the reference rows the app ships (government areas, project
 * statuses): derived from each row's slug, UUIDv5 in its kind's namespace, so
 * every server that adds a shipped row gives it the same id.
 */
import { v5 } from 'uuid';

/** The id of a shipped row of `kind` (`<kind>:<slug>` in `namespace`). */
export function slugIds(kind: string, namespace: string): (slug: string) => string {
  return (slug) => v5(`${kind}:${slug}`, namespace);
}
