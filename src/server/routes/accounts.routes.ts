/** The office's accounts: list, edit, deactivate, reset password (rules in accounts.service and authorization-people). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { accountSchema, passwordResetSchema, updateAccountRequestSchema } from '../../domain';
import { callerRoutes } from '../http/caller-routes';
import { failures, json, named } from '../http/openapi';
import type { AccountsService } from '../services/accounts.service';
import type { AuthService } from '../services/auth.service';

const account = named('Account', accountSchema);
const accountList = named('AccountList', z.object({ accounts: z.array(account) }));
const accountParamsSchema = z.object({ id: z.uuid() });

export function registerAccountsRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; accounts: AccountsService },
) {
  const routes = callerRoutes(app, deps.auth, 'accounts.manage');

  routes.get(
    '/api/v1/accounts',
    {
      summary:
        'Accounts the caller manages (admin: all; coordinator: field users in their scope, and themselves)',
      response: { 200: json('Accounts', accountList), ...failures(401, 403) },
    },
    async ({ user }) => ({ accounts: await deps.accounts.listAccounts(user) }),
  );

  routes.patch(
    '/api/v1/accounts/:id',
    {
      summary:
        'Change an account’s display name, role, directorates or active state (inactive: devices signed out)',
      params: accountParamsSchema,
      body: named('UpdateAccountRequest', updateAccountRequestSchema),
      response: { 200: json('The account', account), ...failures(400, 401, 403, 404, 415) },
    },
    async ({ user }, request) => deps.accounts.updateAccount(user, request.params.id, request.body),
  );

  routes.post(
    '/api/v1/accounts/:id/reset-password',
    {
      summary: 'Replace the password with a one-time code, shown once; the account’s devices are signed out',
      params: accountParamsSchema,
      response: {
        200: json('The one-time code', named('PasswordReset', passwordResetSchema)),
        ...failures(400, 401, 403, 404),
      },
    },
    async ({ user }, request) => deps.accounts.resetPassword(user, request.params.id),
  );
}
