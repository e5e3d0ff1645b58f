/**
 * The screen lock for screens (screen-lock.repository.ts): the lock in force,
 * read live so every tab locks and unlocks together, and the commands to
 * lock and unlock on the device database. Small on purpose: the app frame
 * reads it before anything else is drawn.
 */
import * as account from './account.repository';
import { getDb } from './current-db';
import { liveRead } from './device-bindings';
import * as screenLock from './screen-lock.repository';

export {
  LOCK_POLICY,
  PIN_PATTERN,
  ScreenLockError,
  type ScreenLockRequest,
  type ScreenLockState,
  type UnlockResult,
} from './screen-lock.repository';

/** The lock in force (null when none; undefined until the device database answered). */
export const useScreenLock = liveRead(screenLock.readScreenLock);

/** Locks this device on `returnTo` (shown by the locked view `reason`) until the PIN is given. */
export const lockScreen = (request: screenLock.ScreenLockRequest & { pin: string }) =>
  screenLock.lockScreen(getDb(), request);

/** Unlocks with the PIN; wrong PINs are counted and, after five, slowed down. */
export const unlockScreen = (pin: string) => screenLock.unlockScreen(getDb(), pin);

/** A forgotten PIN: the account signed in here unlocks with its password, checked by the server (online only). */
export const unlockWithAccountPassword = (password: string) =>
  screenLock.unlockWithAccountPassword(getDb(), password, (input) => account.signIn(getDb(), input));
