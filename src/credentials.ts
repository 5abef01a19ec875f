/**
 * The two values a user pastes when connecting OnceHub, read the same way everywhere.
 * Zapier stores them as typed, so stray spaces from copy-paste are trimmed at every use.
 */

export type LoginId =
  | { kind: 'email'; value: string }
  /** Accounts created from May 2024 identify themselves by an Account ID instead of a login email. */
  | { kind: 'account_id'; value: string };

export interface AuthFields {
  apiKey?: unknown;
  loginId?: unknown;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ACCOUNT_ID = /^ACT-[A-Z0-9]{12}$/i;
// Header values must be visible ASCII; anything else cannot be a key OnceHub issued.
const KEY_CHARS = /^[\x21-\x7e]+$/;

export class CredentialsProblem extends Error {
  override name = 'CredentialsProblem';
}

/** The API key as it should be sent, or undefined when none was entered. */
export function apiKeyOf(authData: AuthFields | undefined): string | undefined {
  const key = typeof authData?.apiKey === 'string' ? authData.apiKey.trim() : '';
  return key === '' ? undefined : key;
}

/** Checks the API key's shape before it is ever sent. Its real validity only OnceHub can tell. */
export function checkApiKey(authData: AuthFields | undefined): string {
  const key = apiKeyOf(authData);
  if (key === undefined) {
    throw new CredentialsProblem(
      'Enter your OnceHub API key. Create one in OnceHub under Account Integrations → APIs & Webhooks → API Keys.',
    );
  }
  if (/\s/.test(key)) {
    throw new CredentialsProblem(
      'The API key contains spaces, so it was not copied whole. Copy the key again from OnceHub (it is shown once, when created) and paste it without spaces.',
    );
  }
  if (!KEY_CHARS.test(key)) {
    throw new CredentialsProblem(
      'The API key contains characters an OnceHub API key never has. Copy the key again from OnceHub and paste only the key.',
    );
  }
  return key;
}

/** Parses the Login ID, or explains what is wrong with it. Never echoes the API key. */
export function parseLoginId(authData: AuthFields | undefined): LoginId {
  const raw = typeof authData?.loginId === 'string' ? authData.loginId.trim() : '';
  if (raw === '') {
    throw new CredentialsProblem(
      'Enter your ScheduleOnce Login ID: the email you sign in to OnceHub with, or your Account ID (ACT-…) if your account was created from May 2024.',
    );
  }
  if (/\s/.test(raw)) {
    throw new CredentialsProblem(
      `The Login ID "${raw}" contains spaces. Enter your OnceHub login email (like name@example.com) or your Account ID (like ACT-BK3LA26D857Z).`,
    );
  }
  if (ACCOUNT_ID.test(raw)) return { kind: 'account_id', value: raw.toUpperCase() };
  // Sent to OnceHub as typed (its email filter's case rules are undocumented); compared lower-cased.
  if (EMAIL.test(raw)) return { kind: 'email', value: raw };
  throw new CredentialsProblem(
    `The Login ID "${raw}" is neither an email address nor an Account ID. Enter your OnceHub login email (like name@example.com) or your Account ID: "ACT-" followed by 12 letters and digits.`,
  );
}
