/**
 * Accounts and device enrolment: the rules shared by the office's forms and
 * the server. Passwords refuse the worst choices (too short, among the most
 * used, the username itself) with reasons in Spanish; enrolment codes are
 * eight characters from an alphabet without look-alikes (no 0/O, 1/I/L),
 * shown in two groups of four and carried by a QR code as a link whose
 * fragment (never sent to a server) holds the code.
 */
import { z } from 'zod';
import { labelTextSchema, roleSchema, userSummarySchema } from './protocol';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1000;

/**
 * A small list of the most used passwords and words anyone near the
 * programme would guess first, compared without accents, capitals and the
 * digits or signs tacked on at the end ("Iztapalapa2024!" is "iztapalapa").
 */
export const COMMON_PASSWORDS: readonly string[] = [
  'contrasena',
  'password',
  'passw0rd',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'abc',
  'abcdef',
  'abcdefghij',
  'iloveyou',
  'teamo',
  'admin',
  'administrador',
  'welcome',
  'bienvenido',
  'bienvenida',
  'iztapalapa',
  'mexico',
  'cdmx',
  'tequio',
  'hola',
  'holamundo',
  'secreto',
  'usuario',
  'america',
  'chivas',
  'pumas',
  'cruzazul',
  'guadalupe',
  'alcaldia',
  'planeacion',
  'comunidad',
  'asamblea',
  'facilitador',
  'facilitadora',
  'promotor',
  'promotora',
  'coordinador',
  'coordinadora',
];

/** Why a password is refused; null when it is acceptable. */
export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsUsername';

/** Spanish reasons, for the server's answers and the first language of the forms. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `La contraseña debe tener al menos ${MIN_PASSWORD_LENGTH} caracteres`,
  tooLong: `La contraseña no puede pasar de ${MAX_PASSWORD_LENGTH} caracteres`,
  common:
    'Esa contraseña está entre las más usadas y se adivina en segundos; elige una frase de varias palabras',
  containsUsername: 'La contraseña no puede contener el nombre de usuario',
};

const withoutAccents = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The word a password is built on: lower case, no accents, no digits or signs around it. */
function baseWord(password: string): string {
  return withoutAccents(password.toLowerCase())
    .replace(/[^a-z0-9]+$/g, '')
    .replace(/^[^a-z0-9]+/g, '')
    .replace(/[0-9]+$/g, '')
    .replace(/[^a-z0-9]+$/g, '');
}

/** Only digits, or one character repeated: "1234567890", "aaaaaaaaaa". */
function trivial(password: string): boolean {
  return /^[0-9\s]*$/.test(password) || new Set(password.toLowerCase()).size <= 2;
}

/** What is wrong with a password, if anything (`username`: the account's, when known). */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const base = baseWord(password);
  if (trivial(password) || base === '' || COMMON_PASSWORDS.includes(base)) return 'common';
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return 'containsUsername';
  return null;
}

function addPasswordIssue(
  password: string,
  username: string | undefined,
  ctx: z.RefinementCtx,
  path: string[],
) {
  const problem = passwordProblem(password, username);
  if (problem) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: PASSWORD_PROBLEM_TEXT[problem],
      params: { i18n: `errors.password.${problem}`, passwordProblem: problem },
    });
  }
}

/** A new password on its own (the username, when known, is checked by `checkPasswordOf`). */
export const passwordSchema = z.string().superRefine((password, ctx) => {
  addPasswordIssue(password, undefined, ctx, []);
});

/** For an object schema holding a username and a password field: refuses a password that contains the username. */
export function checkPasswordOf(field: string) {
  return (values: object, ctx: z.RefinementCtx) => {
    const { username, [field]: password } = values as Record<string, unknown>;
    if (typeof password === 'string' && typeof username === 'string' && passwordProblem(password) === null) {
      addPasswordIssue(password, username, ctx, [field]);
    }
  };
}

export const usernameSchema = z
  .string()
  .transform((name) => name.trim().toLowerCase())
  .pipe(
    z
      .string()
      // Length messages come from the form's error map, in the UI language.
      .min(3)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'Usa solo letras sin acento, números y . _ @ -'),
  );

/** Directorates of an account: a coordinator's limit, or the directorates a field user works in. */
const directorateIdsSchema = z.array(z.uuid()).max(99);

export const createAccountRequestSchema = z
  .object({
    username: usernameSchema,
    displayName: labelTextSchema(200),
    role: roleSchema,
    password: passwordSchema,
    /**
     * A coordinator: limited to these directorates (absent: whole borough). A facilitator or
     * promoter: the directorates they work in, which put them in those coordinators' care.
     */
    directorateIds: directorateIdsSchema.min(1).optional(),
  })
  .superRefine(checkPasswordOf('password'))
  .refine((u) => u.directorateIds === undefined || u.role !== 'admin', {
    path: ['directorateIds'],
    message: 'Un administrador no se limita a direcciones territoriales',
  });
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

/** An edit of an account: only what is sent changes. `active: false` deactivates it (its devices are signed out). */
export const updateAccountRequestSchema = z
  .object({
    displayName: labelTextSchema(200).optional(),
    role: roleSchema.optional(),
    directorateIds: directorateIdsSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'Nada que cambiar');
export type UpdateAccountRequest = z.infer<typeof updateAccountRequestSchema>;

/** An account as the office manages it (`GET /api/v1/accounts`). */
export const accountSchema = userSummarySchema.extend({
  directorateIds: z.array(z.string()),
  active: z.boolean(),
  /** Signed in with a one-time code: must choose a password at the next sign-in. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  deactivatedAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

/** The one-time code a reset gives: the user signs in with it once and chooses a password. */
export const passwordResetSchema = z.object({ oneTimeCode: z.string() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

// ---- Enrolment codes -------------------------------------------------------------------

/** No 0/O, no 1/I/L: read off a screen and typed on a tablet. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ENROLMENT_CODE_LENGTH = 8;
/** How long an enrolment code works after it is issued. */
export const ENROLMENT_CODE_TTL_MS = 10 * 60 * 1000;
/** The path a QR code's link opens (the code travels in the fragment). */
export const ENROLMENT_PATH = '/enrol';

/** The code's characters alone: capitals, no spaces or hyphens. */
export function normalizeEnrolmentCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]+/g, '');
}

/** "ABCD-EFGH": two groups of four, the way it is shown and read aloud. */
export function formatEnrolmentCode(code: string): string {
  const raw = normalizeEnrolmentCode(code);
  return raw.length === ENROLMENT_CODE_LENGTH ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

export function isEnrolmentCode(text: string): boolean {
  const raw = normalizeEnrolmentCode(text);
  return raw.length === ENROLMENT_CODE_LENGTH && [...raw].every((c) => CODE_ALPHABET.includes(c));
}

export const enrolmentCodeSchema = z
  .string()
  .max(40)
  .transform(normalizeEnrolmentCode)
  .refine(isEnrolmentCode, {
    message: `El código tiene ${ENROLMENT_CODE_LENGTH} letras y números, por ejemplo ABCD-EFGH`,
    params: { i18n: 'errors.enrolmentCode' },
  });

/** What a QR code carries: a link to this server's enrolment page with the code in the fragment. */
export function enrolmentLink(origin: string, code: string): string {
  return `${origin.replace(/\/$/, '')}${ENROLMENT_PATH}#${formatEnrolmentCode(code)}`;
}

/** The code in what a camera read (a link made by `enrolmentLink`, or the code alone); null if none. */
export function codeFromScan(text: string): string | null {
  const hash = text.lastIndexOf('#');
  const candidate = hash >= 0 ? text.slice(hash + 1) : text;
  return isEnrolmentCode(candidate) ? formatEnrolmentCode(candidate) : null;
}

export const issueEnrolmentRequestSchema = z.object({ userId: z.uuid() });

export const enrolmentStateSchema = z.enum(['active', 'used', 'expired', 'revoked']);
export type EnrolmentState = z.infer<typeof enrolmentStateSchema>;

/** An enrolment code as listed (never the code itself, which only its issuer saw once). */
export const enrolmentViewSchema = z.object({
  id: z.string(),
  userId: z.string(),
  userDisplayName: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  state: enrolmentStateSchema,
});
export type EnrolmentView = z.infer<typeof enrolmentViewSchema>;

/** A code just issued: shown once, as text and as a QR code. */
export const issuedEnrolmentSchema = z.object({ code: z.string(), enrolment: enrolmentViewSchema });
export type IssuedEnrolment = z.infer<typeof issuedEnrolmentSchema>;

export const redeemEnrolmentRequestSchema = z.object({
  code: enrolmentCodeSchema,
  deviceLabel: labelTextSchema(200),
});
export type RedeemEnrolmentRequest = z.input<typeof redeemEnrolmentRequestSchema>;
