/**
 * The signed-in account for screens (part of the app frame: it reads only
 * `meta`, never an entity schema, so the first download stays small).
 * Signing in and first-run setup need the network; signing out does not wait for it.
 */
import * as account from './account.repository';
import { getDb } from './current-db';
import { liveRead } from './device-bindings';

export type { Account } from './db';

/** The signed-in account; null when signed out, undefined while loading. */
export const useAccount = liveRead(account.readAccount);

export const signIn = (input: { username: string; password: string; newPassword?: string | undefined }) =>
  account.signIn(getDb(), input);
/** Signs this device in with a one-time enrolment code (needs the network once). */
export const enrolDevice = (code: string) => account.enrolDevice(getDb(), code);
export const signOut = () => account.signOut(getDb());
export const completeSetup = (input: {
  code: string;
  username: string;
  displayName: string;
  password: string;
}) => account.completeSetup(getDb(), input);
/** Whether the server still waits for its first administrator (`{ needsSetup }`; needs the network). */
export const getSetupStatus = () => account.accountApi(getDb()).setupStatus();
