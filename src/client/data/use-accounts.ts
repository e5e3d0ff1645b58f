/**
 * Accounts and enrolment codes for the office's screens
 * (accounts.repository.ts). They need the network: `ApiError` code
 * `network` offline.
 */
import type { CreateAccountRequest, UpdateAccountRequest } from '../../domain';
import * as accounts from './accounts.repository';
import { getDb } from './current-db';

export type { Account, EnrolmentView, IssuedEnrolment, Role } from '../../domain';

export const listAccounts = () => accounts.listAccounts(getDb());
export const createAccount = (input: CreateAccountRequest) => accounts.createAccount(getDb(), input);
export const updateAccount = (id: string, patch: UpdateAccountRequest) =>
  accounts.updateAccount(getDb(), id, patch);
export const resetPassword = (id: string) => accounts.resetPassword(getDb(), id);
export const issueEnrolmentCode = (userId: string) => accounts.issueEnrolmentCode(getDb(), userId);
export const listEnrolmentCodes = () => accounts.listEnrolmentCodes(getDb());
export const revokeEnrolmentCode = (id: string) => accounts.revokeEnrolmentCode(getDb(), id);
