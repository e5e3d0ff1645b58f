/**
 * The English strings and zod's English messages, loaded on demand: Spanish
 * is the first language and ships with the first download; this chunk is
 * precached too, so switching to English works offline.
 */
export { default as strings } from './en.json';
export { en as zodLocale } from 'zod/locales';
