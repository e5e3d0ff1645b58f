/** "alta" → "Alta", in the UI's language (severity labels are lower-case for use mid-sentence). */
export function capitalised(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
