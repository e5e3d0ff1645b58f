/**
 * zod's own messages in the UI language. Kept out of the first download:
 * zod comes with the screens and the data layer, and this module with it.
 */
import { z } from 'zod';
import { es } from 'zod/locales';

export type ZodLocale = typeof es;

/** Spanish unless given another locale (English comes with the English strings). */
export function applyZodLocale(locale: ZodLocale = es): void {
  z.config(locale());
}
