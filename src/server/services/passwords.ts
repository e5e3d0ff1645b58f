/**
 * Password hashing with argon2id (OWASP's recommended parameters: 19 MiB,
 * 2 passes). `verifyAgainstNothing` spends the same work as a real check so
 * that a login for an unknown username takes as long as a wrong password.
 */
import { hash, verify } from '@node-rs/argon2';

// The package's `Algorithm` is a const enum that isolated modules cannot read; 2 is Argon2id.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A corrupt hash is a failed login, not a server error.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Burns one verification's worth of time against a throwaway hash; always false. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-0000');
  await verifyPassword(await dummyHash, password);
  return false;
}
