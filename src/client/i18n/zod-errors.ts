/**
 * Friendly, localised messages for form validation. Passed to zodResolver as
 * the per-parse error map, so it only fills in issues the domain schemas did
 * not word themselves; zod's locale (set in ./index.ts) covers the rest.
 */
import type { z } from 'zod';
import { passwordProblem } from '../../domain/accounts';
import { i18n } from './index';

type RawIssue = z.core.$ZodRawIssue;

function isBlank(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

export function formErrorMap(issue: RawIssue): string | undefined {
  const t = i18n.t.bind(i18n);
  switch (issue.code) {
    case 'invalid_type':
      if (isBlank(issue.input)) return t('errors.required');
      if (issue.expected === 'number' || issue.expected === 'int') return t('errors.wholeNumber');
      return t('errors.invalid');
    case 'too_small': {
      const count = Number(issue.minimum);
      if (issue.origin === 'string')
        return isBlank(issue.input) ? t('errors.required') : t('errors.tooShort', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return t('errors.tooFewItems', { count });
      return t('errors.tooSmallNumber', { min: count });
    }
    case 'too_big': {
      const count = Number(issue.maximum);
      if (issue.origin === 'string') return t('errors.tooLong', { count });
      if (issue.origin === 'array' || issue.origin === 'set') return t('errors.tooManyItems', { count });
      return t('errors.tooBigNumber', { max: count });
    }
    case 'invalid_format':
      if (isBlank(issue.input)) return t('errors.required');
      if (issue.format === 'date') return t('errors.date');
      return t('errors.format');
    case 'invalid_value':
      return isBlank(issue.input) ? t('errors.choose') : t('errors.invalid');
    default:
      return undefined;
  }
}

/**
 * The text to show for a react-hook-form error. `overrides` maps an issue
 * code to an i18n key, for the few messages the domain schemas word
 * themselves in Spanish (so they follow the UI language too).
 */
export function errorText(
  error: { type?: unknown; message?: unknown } | undefined,
  overrides: Partial<Record<string, string>> = {},
): string | undefined {
  if (!error) return undefined;
  const key = typeof error.type === 'string' ? overrides[error.type] : undefined;
  if (key) return i18n.t(key);
  return typeof error.message === 'string' && error.message ? error.message : i18n.t('errors.invalid');
}

/**
 * The text for a password field's error: the password rule's reason (domain/accounts.ts) in
 * the UI language, worked out again from the value typed, else the error's own text.
 */
export function passwordErrorText(
  error: { type?: unknown; message?: unknown } | undefined,
  password: string,
  username?: string,
): string | undefined {
  if (!error) return undefined;
  const problem =
    error.type === 'custom' || error.type === 'too_small' ? passwordProblem(password, username) : null;
  return problem ? i18n.t(`errors.password.${problem}`) : errorText(error);
}
