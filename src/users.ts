/** OnceHub users: finding the person behind a Login ID. */
import type { ZObject } from 'zapier-platform-core';
import { getPage } from './client';
import type { User } from './oncehub';

export function fullName(user: Pick<User, 'first_name' | 'last_name'>): string {
  return [user.first_name, user.last_name].map((part) => part?.trim() ?? '').filter(Boolean).join(' ');
}

export async function findUserByEmail(z: ZObject, email: string, what: string): Promise<User | undefined> {
  const page = await getPage<User>(z, '/users', { email }, what);
  return page.data.find((user) => user.email?.toLowerCase() === email.toLowerCase());
}
