import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  codeFromScan,
  createAccountRequestSchema,
  enrolmentCodeSchema,
  enrolmentLink,
  formatEnrolmentCode,
  isEnrolmentCode,
  passwordProblem,
  passwordSchema,
} from '../../../src/domain';

describe('password rules', () => {
  it('refuses the worst choices, whatever accents, capitals or digits dress them', () => {
    for (const password of [
      'contraseña',
      'Contraseña123',
      'CONTRASENA!',
      '12345678',
      '1234567890',
      'iztapalapa',
      'Iztapalapa2024!',
      'qwertyuiop',
      'aaaaaaaaaaaa',
      'abababababab',
      'password123',
    ]) {
      const problem = passwordProblem(password);
      expect(problem, password).not.toBeNull();
    }
    expect(passwordProblem('12345678')).toBe('tooShort');
    expect(passwordProblem('contraseña')).toBe('common');
    expect(passwordProblem('iztapalapa')).toBe('common');
  });

  it('accepts a passphrase and refuses one that holds the username', () => {
    expect(passwordProblem('mi perro come tacos')).toBeNull();
    expect(passwordProblem('lupita.ramirez-2026', 'lupita.ramirez')).toBe('containsUsername');
    expect(passwordProblem('lupita.ramirez-2026', 'otra')).toBeNull();
  });

  it('explains every refusal in Spanish', () => {
    const common = passwordSchema.safeParse('Contraseña1');
    expect(common.error?.issues[0]?.message).toMatch(/entre las más usadas/);
    const short = passwordSchema.safeParse('corta');
    expect(short.error?.issues[0]?.message).toBe('La contraseña debe tener al menos 10 caracteres');
    const withName = createAccountRequestSchema.safeParse({
      username: 'Ana.Lopez',
      displayName: 'Ana',
      role: 'facilitator',
      password: 'soy ana.lopez de la dt',
    });
    expect(withName.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['password', 'La contraseña no puede contener el nombre de usuario'],
    ]);
  });
});

describe('enrolment code format', () => {
  const code = fc
    .array(fc.constantFrom(...CODE_ALPHABET), { minLength: 8, maxLength: 8 })
    .map((chars) => chars.join(''));

  it('groups eight unambiguous characters in two fours, and reads them back typed any way', () => {
    fc.assert(
      fc.property(code, (raw) => {
        const shown = formatEnrolmentCode(raw);
        expect(shown).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        expect(enrolmentCodeSchema.parse(shown.toLowerCase().replace('-', ' '))).toBe(raw);
        expect(codeFromScan(enrolmentLink('https://tequio.example.mx/', raw))).toBe(shown);
        expect(codeFromScan(raw)).toBe(shown);
      }),
    );
  });

  it('has no look-alikes and refuses anything else, in Spanish', () => {
    for (const c of '01ILO') expect(CODE_ALPHABET).not.toContain(c);
    expect(isEnrolmentCode('ABCD-EFG0')).toBe(false);
    expect(isEnrolmentCode('ABCD-EFG')).toBe(false);
    expect(codeFromScan('https://otra.example/enrol#hola')).toBeNull();
    expect(enrolmentCodeSchema.safeParse('ABCD-EFGI').error?.issues[0]?.message).toMatch(/El código tiene 8/);
    expect(enrolmentLink('https://tequio.example.mx', 'abcdefgh')).toBe(
      'https://tequio.example.mx/enrol#ABCD-EFGH',
    );
  });
});
