/**
 * Which deliveries and samples belong to a Zap: by default only bookings owned by the user of
 * the connection's Login ID (how OnceHub's own Zapier app behaves for Booking Pages accounts),
 * optionally narrowed to a booking page, event type or booking calendar.
 *
 * Accounts that connect with an Account ID (ACT-…) have no user to scope to: OnceHub applies
 * their Zaps account-wide, and so do we.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { parseLoginId } from './credentials';
import { refId } from './bookings';
import type { QueryValue } from './client';
import type { Booking } from './oncehub';
import { findUserByEmail } from './users';

export interface TriggerInput extends Record<string, unknown> {
  scope?: string;
  booking_page?: string;
  event_type?: string;
  booking_calendar?: string;
  events?: string[] | string;
}

export const ALL_BOOKINGS = 'all';
export const MY_BOOKINGS = 'mine';

/** Day-long memory of a Login ID's user id: deliveries must not each cost an API request. */
const USER_ID_TTL_SECONDS = 24 * 60 * 60;

function wantsAll(input: TriggerInput): boolean {
  return input.scope === ALL_BOOKINGS;
}

/** The user id of the connection's Login ID, or null when scoping does not apply. */
async function myUserId(z: ZObject, bundle: Bundle, what: string): Promise<string | null | undefined> {
  const login = parseLoginId(bundle.authData);
  if (login.kind === 'account_id') return null;
  const cacheKey = `user-id:${login.value}`;
  try {
    // Core's runtime takes the scope on reads too; its type declaration lacks the parameter.
    const get = z.cache.get as (key: string, scope?: string[]) => Promise<unknown>;
    const cached = await get(cacheKey, ['auth']);
    if (typeof cached === 'string') return cached;
  } catch {
    // z.cache is unavailable outside Zapier's runtime: fall through to asking OnceHub.
  }
  const user = await findUserByEmail(z, login.value, what);
  if (user) {
    try {
      await z.cache.set(cacheKey, user.id, USER_ID_TTL_SECONDS, ['auth']);
    } catch {
      // Remembering is an optimisation only.
    }
  }
  return user?.id;
}

/** Why this booking is outside the Zap's scope, or null when the Zap should run. */
export async function outOfScope(z: ZObject, bundle: Bundle, booking: Booking): Promise<string | null> {
  const input = bundle.inputData as TriggerInput;
  if (input.booking_page && refId(booking.booking_page) !== input.booking_page) {
    return `booking page ${refId(booking.booking_page) ?? 'none'} is not the chosen ${input.booking_page}`;
  }
  if (input.event_type && refId(booking.event_type) !== input.event_type) {
    return `event type ${refId(booking.event_type) ?? 'none'} is not the chosen ${input.event_type}`;
  }
  if (input.booking_calendar && booking.booking_calendar !== input.booking_calendar) {
    return `booking calendar ${booking.booking_calendar ?? 'none'} is not the chosen ${input.booking_calendar}`;
  }
  if (wantsAll(input)) return null;

  const login = parseLoginId(bundle.authData);
  if (login.kind === 'account_id') return null;
  const owner = booking.owner;
  // OnceHub's own example delivers the owner expanded: no API request needed to compare.
  if (owner && typeof owner === 'object' && typeof owner.email === 'string' && owner.email !== '') {
    return owner.email.toLowerCase() === login.value ? null : `the booking is owned by another user (${owner.email})`;
  }
  const ownerId = refId(owner);
  if (!ownerId) return 'the booking names no owner';
  const mine = await myUserId(z, bundle, 'matching the booking owner to your Login ID');
  return ownerId === mine ? null : `the booking is owned by another user (${ownerId})`;
}

/** `GET /bookings` filters for the same scope, so samples match what the Zap would run on. */
export async function scopeParams(z: ZObject, bundle: Bundle): Promise<Record<string, QueryValue>> {
  const input = bundle.inputData as TriggerInput;
  const params: Record<string, QueryValue> = {
    booking_page: input.booking_page,
    event_type: input.event_type,
    booking_calendar: input.booking_calendar,
  };
  if (!wantsAll(input)) {
    const owner = await myUserId(z, bundle, 'loading your recent bookings');
    if (owner === undefined) {
      const login = parseLoginId(bundle.authData).value;
      throw new z.errors.Error(
        `The Login ID ${login} is no longer a user of this OnceHub account, so there are no bookings of theirs to show. ` +
          'Reconnect OnceHub with your current Login ID, or set Bookings to "All bookings in the OnceHub account".',
        'LoginIdNotInAccount',
      );
    }
    if (owner !== null) params.owner = owner;
  }
  return params;
}
