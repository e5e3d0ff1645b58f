/**
 * Finding neighbourhood units as people name them: "aculco" finds
 * "ACULCO (PBLO)" and "SAN JOSE ACULCO", "jose aculco" finds the second,
 * "07-001" or "001" finds the unit by its key. Accents, case and punctuation
 * are ignored on both sides ("San José" = "SAN JOSE"). Pure, so it runs over
 * the units the device holds, offline.
 *
 * Order: the exact key; keys that start with the text; names that start
 * with it; names where every word typed starts a word; names that merely
 * contain every word; keys that contain it. Within a kind, by name.
 */

export interface SearchableUnit {
  key: string;
  name: string;
}

/** Lower case, no accents, punctuation as spaces, one space between words. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('es-MX')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 0 is the best match; null, no match. */
function matchRank(unit: SearchableUnit, query: string, words: string[]): number | null {
  const key = unit.key.toLocaleLowerCase('es-MX');
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  const name = normalizeForSearch(unit.name);
  if (name.startsWith(query)) return 2;
  const nameWords = name.split(' ');
  if (words.every((w) => nameWords.some((n) => n.startsWith(w)))) return 3;
  if (words.every((w) => name.includes(w))) return 4;
  if (key.includes(query)) return 5;
  return null;
}

export interface UnitSearchOptions {
  /** At most this many results (default 8). */
  limit?: number;
  /** Keys to leave out (units already chosen). */
  exclude?: ReadonlySet<string>;
}

export interface UnitSearchResult<T> {
  /** The best matches, at most `limit`. */
  matches: T[];
  /** How many units match in all (to say "8 of 23"). */
  total: number;
}

/** The units that match `text`, best first; nothing for empty text. */
export function searchUnits<T extends SearchableUnit>(
  units: readonly T[],
  text: string,
  { limit = 8, exclude }: UnitSearchOptions = {},
): UnitSearchResult<T> {
  const query = normalizeForSearch(text);
  if (!query) return { matches: [], total: 0 };
  const words = query.split(' ');
  const ranked: { unit: T; rank: number; name: string }[] = [];
  for (const unit of units) {
    if (exclude?.has(unit.key)) continue;
    const rank = matchRank(unit, query, words);
    if (rank !== null) ranked.push({ unit, rank, name: normalizeForSearch(unit.name) });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.name.localeCompare(b.name, 'es-MX') ||
      (a.unit.key < b.unit.key ? -1 : a.unit.key > b.unit.key ? 1 : 0),
  );
  return { matches: ranked.slice(0, limit).map((r) => r.unit), total: ranked.length };
}

/** Text made only of digits and dashes: meant as a key ("07-001", "07-2"), not a name. */
export function looksLikeUnitKey(text: string): boolean {
  return /^[\d-]+$/.test(text.trim());
}
