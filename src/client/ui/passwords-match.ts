/** "Repeat the password" in a form schema: `.refine(passwordsMatch.check, passwordsMatch.issue)`. */
export const passwordsMatch = {
  check: (values: { password: string; confirmPassword: string }) =>
    values.password === values.confirmPassword,
  issue: {
    path: ['confirmPassword'],
    params: { i18n: 'errors.passwordsDiffer' },
    message: 'Las contraseñas no coinciden',
  },
};
