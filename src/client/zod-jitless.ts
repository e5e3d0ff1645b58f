/**
 * zod compiles its object parsers with `new Function` unless told not to. The
 * page's Content-Security-Policy (`script-src 'self'`, no 'unsafe-eval')
 * forbids that, so zod's probe for it was refused and reported as a policy
 * violation on every start. Set before any schema is made (the first import
 * of main.tsx): zod reads this shared config object when it first loads.
 */
const shared = globalThis as { __zod_globalConfig?: Record<string, unknown> };
(shared.__zod_globalConfig ??= {}).jitless = true;
