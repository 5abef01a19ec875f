/** OnceHub users: finding the person behind a Login ID. */
import type { ZObject } from 'zapier-platform-core';
import { getPage } from './client';
import type { User } from './oncehub';

/**
 * How long a Login ID's user id is remembered (per connection). Deliveries whose owner comes as
 * a bare ID need it, and must not each cost an API request; a user's id never changes.
 */
const USER_ID_TTL_SECONDS = 7 * 24 * 60 * 60;
/** A Login ID that is no user is remembered for less time: it may be added to the account. */
const NO_USER_TTL_SECONDS = 60 * 60;

export function fullName(user: Pick<User, 'first_name' | 'last_name'>): string {
  return [user.first_name, user.last_name].map((part) => part?.trim() ?? '').filter(Boolean).join(' ');
}

export async function findUserByEmail(z: ZObject, email: string, what: string): Promise<User | undefined> {
  const page = await getPage<User>(z, '/users', { email }, what);
  return page.data.find((user) => user.email?.toLowerCase() === email.toLowerCase());
}

/**
 * The id of the user whose login email is `email`, or null when the account has no such user,
 * remembered in z.cache for the connection so repeated deliveries make no request.
 */
export async function userIdForLogin(z: ZObject, email: string, what: string): Promise<string | null> {
  const key = `user-id:${email.toLowerCase()}`;
  // Core's runtime takes the scope on reads too; its type declaration lacks the parameter.
  const get = z.cache.get as (key: string, scope?: string[]) => Promise<unknown>;
  try {
    const cached = await get(key, ['auth']);
    if (typeof cached === 'string') return cached === '' ? null : cached;
  } catch {
    // z.cache exists only in Zapier's runtime (and its test harness): ask OnceHub instead.
  }
  const user = await findUserByEmail(z, email, what);
  try {
    await z.cache.set(key, user?.id ?? '', user ? USER_ID_TTL_SECONDS : NO_USER_TTL_SECONDS, ['auth']);
  } catch {
    // Remembering is an optimisation only.
  }
  return user?.id ?? null;
}
