/**
 * Connecting a OnceHub account: the API key plus the ScheduleOnce Login ID, checked against
 * the account before Zapier saves the connection.
 *
 * What the public API can verify (OnceHub API v2):
 * - the key: `GET /test` answers 200 for a live key and names the account's email;
 * - a Login ID that is an email: `GET /users?email=` must find that user in the key's account;
 * - a Login ID that is an Account ID (ACT-…, accounts created from May 2024): no public endpoint
 *   returns an account's ID, so only its format can be checked. A wrong Account ID is accepted;
 *   such accounts trigger Zaps account-wide anyway (OnceHub: only admins set up Zaps there).
 */
import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import { callOnceHub } from './client';
import { checkApiKey, CredentialsProblem, parseLoginId, type LoginId } from './credentials';
import type { User } from './oncehub';
import { findUserByEmail, fullName } from './users';

/** What the connection test returns; Zapier shows it to the label and keeps nothing secret in it. */
export type ConnectedAccount = {
  id: string | null;
  name: string;
  first_name: string;
  last_name: string;
  /** The user's email; for an Account ID whose owner could not be found, the account's, if known. */
  email: string | null;
  role: string | null;
  account_email: string | null;
  login_id_type: LoginId['kind'];
  /** What Zapier shows for the connection (its label template reads this field). */
  connection_label: string;
};

/** The account email inside `/test`'s message ("…valid for account: admin@example.com"), if present. */
export function accountEmailOf(message: unknown): string | null {
  if (typeof message !== 'string') return null;
  const match = /account:\s*(\S+@\S+?)\.?\s*$/i.exec(message);
  return match?.[1]?.toLowerCase() ?? null;
}

function describeUser(user: User | undefined, login: LoginId, accountEmail: string | null): ConnectedAccount {
  const account = {
    id: user?.id ?? null,
    name: user ? fullName(user) : '',
    first_name: user?.first_name ?? '',
    last_name: user?.last_name ?? '',
    email: user?.email?.toLowerCase() ?? (login.kind === 'email' ? login.value.toLowerCase() : accountEmail),
    role: user?.role_name ?? null,
    account_email: accountEmail,
    login_id_type: login.kind,
  };
  return { ...account, connection_label: connectionLabel(account, login) };
}

const test = async (z: ZObject, bundle: Bundle): Promise<ConnectedAccount> => {
  let login: LoginId;
  try {
    checkApiKey(bundle.authData);
    login = parseLoginId(bundle.authData);
  } catch (error) {
    if (error instanceof CredentialsProblem) throw new z.errors.Error(error.message, 'InvalidCredentials');
    throw error;
  }

  const what = 'checking the connection';
  const response = await callOnceHub<{ message?: string }>(z, { path: '/test', what, connectionTest: true });
  const accountEmail = accountEmailOf(response.data?.message);

  if (login.kind === 'account_id') {
    const owner = accountEmail ? await findUserByEmail(z, accountEmail, what) : undefined;
    return describeUser(owner, login, accountEmail);
  }

  const user = await findUserByEmail(z, login.value, what);
  if (!user) {
    throw new z.errors.Error(
      `The Login ID ${login.value} is not a user of the OnceHub account ${accountEmail ?? 'that this API key belongs to'}. ` +
        'Enter the email you sign in to OnceHub with, or an API key created in your own OnceHub account.',
      'LoginIdNotInAccount',
    );
  }
  return describeUser(user, login, accountEmail);
};

/** "Michael Smith (michael@example.com)", plus the account when the user is not its owner. Never a secret. */
export function connectionLabel(account: Omit<ConnectedAccount, 'connection_label'>, login: LoginId): string {
  const who = account.name && account.email ? `${account.name} (${account.email})` : (account.email ?? `OnceHub account ${login.value}`);
  return account.account_email && account.account_email !== account.email
    ? `${who} · account ${account.account_email}`
    : who;
}

export default {
  type: 'custom',
  fields: [
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password',
      required: true,
      helpText:
        'Create a key in OnceHub under **Account Integrations → APIs & Webhooks → API Keys** ' +
        '([how to](https://developers.oncehub.com/docs/overview/authentication/)). OnceHub shows a key only once, when it is created.',
    },
    {
      key: 'loginId',
      label: 'ScheduleOnce Login ID',
      type: 'string',
      required: true,
      placeholder: 'name@example.com',
      helpText:
        'The email you sign in to OnceHub with. Accounts created from May 2024 use their **Account ID** (ACT-…) instead ' +
        '([where to find it](https://help.oncehub.com/help/how-to-generate-your-zapier-api-key)). ' +
        'Booking triggers fire for this user’s bookings unless you choose all bookings.',
    },
  ],
  test,
  // A template over a test-result field: Zapier renders it without another call to the app.
  connectionLabel: '{{connection_label}}',
} satisfies Authentication;
