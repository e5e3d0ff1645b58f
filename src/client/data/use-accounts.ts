/**
 * Accounts and enrolment codes for the office's screens
 * (accounts.repository.ts). They need the network: `ApiError` code
 * `network` offline.
 */
import type { CreateAccountRequest, UpdateAccountRequest } from '../../domain';
import type { ApiClient } from '../net/api-client';
import { officeApi } from './account.repository';
import * as accounts from './accounts.repository';
import { getDb } from './current-db';

export type { Account, EnrolmentView, IssuedEnrolment, Role } from '../../domain';

const api = () => officeApi(getDb());

export const listAccounts = () => accounts.listAccounts(getDb());
export const createAccount = (input: CreateAccountRequest) => accounts.createAccount(getDb(), input);
export const updateAccount = (id: string, patch: UpdateAccountRequest) =>
  accounts.updateAccount(getDb(), id, patch);
/** A one-time code replaces the password (shown once); the account's devices are signed out. */
export const resetPassword: ApiClient['resetPassword'] = (id) => api().resetPassword(id);
/** A new one-time enrolment code for a person: shown once, as text and as a QR code. */
export const issueEnrolmentCode: ApiClient['issueEnrolmentCode'] = (userId) =>
  api().issueEnrolmentCode(userId);
export const listEnrolmentCodes = () => accounts.listEnrolmentCodes(getDb());
export const revokeEnrolmentCode: ApiClient['revokeEnrolmentCode'] = (id) => api().revokeEnrolmentCode(id);
