/**
 * Which deliveries and samples belong to a Zap: by default only bookings owned by the user of
 * the connection's Login ID (how OnceHub's own Zapier app behaves for Booking Pages accounts),
 * optionally narrowed to a booking page, event type or booking calendar.
 *
 * Accounts that connect with an Account ID (ACT-…) have no user to scope to: OnceHub applies
 * their Zaps account-wide, and so do we.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { refId } from './bookings';
import type { QueryValue } from './client';
import { CredentialsProblem, parseLoginId, type LoginId } from './credentials';
import type { BookingScope, TriggerRow } from './events';
import type { Booking } from './oncehub';
import { userIdForLogin } from './users';

/** The trigger inputs as Zapier passes them (custom values may carry stray spaces). */
export interface TriggerInput extends Record<string, unknown> {
  scope?: string;
  booking_page?: string;
  event_type?: string;
  booking_calendar?: string;
  events?: string[] | string;
}

export const ALL_BOOKINGS: BookingScope = 'all';
export const MY_BOOKINGS: BookingScope = 'mine';

export function defaultScopeOf(row: TriggerRow): BookingScope {
  return row.defaultScope ?? MY_BOOKINGS;
}

interface Scope {
  all: boolean;
  bookingPage?: string;
  eventType?: string;
  bookingCalendar?: string;
}

function trimmed(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `defaultScope` is the trigger's own default, used when the user left Bookings empty. */
function scopeOf(input: TriggerInput | undefined, defaultScope: BookingScope): Scope {
  return {
    all: (trimmed(input?.scope) ?? defaultScope) === ALL_BOOKINGS,
    bookingPage: trimmed(input?.booking_page),
    eventType: trimmed(input?.event_type),
    bookingCalendar: trimmed(input?.booking_calendar),
  };
}

/** The connection's Login ID; a stored value that no longer parses means the connection needs redoing. */
function loginOf(z: ZObject, bundle: Bundle): LoginId {
  try {
    return parseLoginId(bundle.authData);
  } catch (error) {
    if (error instanceof CredentialsProblem) {
      throw new z.errors.ExpiredAuthError(`${error.message} Reconnect OnceHub in Zapier with a valid Login ID.`);
    }
    throw error;
  }
}

function notAUser(login: LoginId): string {
  return (
    `The Login ID ${login.value} is not a user of this OnceHub account (any more), so no booking is theirs. ` +
    'Reconnect OnceHub with your current Login ID, or set Bookings to "All bookings in the OnceHub account".'
  );
}

/** Why this booking is outside the Zap's scope, or null when the Zap should run. */
export async function outOfScope(
  z: ZObject,
  bundle: Bundle<TriggerInput>,
  booking: Booking,
  defaultScope: BookingScope,
): Promise<string | null> {
  const scope = scopeOf(bundle.inputData, defaultScope);
  const page = refId(booking.booking_page);
  if (scope.bookingPage && page !== scope.bookingPage) {
    return `booking page ${page ?? 'none'} is not the chosen ${scope.bookingPage}`;
  }
  const type = refId(booking.event_type);
  if (scope.eventType && type !== scope.eventType) {
    return `event type ${type ?? 'none'} is not the chosen ${scope.eventType}`;
  }
  if (scope.bookingCalendar && booking.booking_calendar !== scope.bookingCalendar) {
    return `booking calendar ${booking.booking_calendar ?? 'none'} is not the chosen ${scope.bookingCalendar}`;
  }
  if (scope.all) return null;

  const login = loginOf(z, bundle);
  if (login.kind === 'account_id') return null;
  const owner = booking.owner;
  // OnceHub's own signed example delivers the owner expanded: compared with no API request.
  if (owner && typeof owner === 'object' && typeof owner.email === 'string' && owner.email !== '') {
    return owner.email.toLowerCase() === login.value.toLowerCase()
      ? null
      : `the booking is owned by another user (${owner.email})`;
  }
  const ownerId = refId(owner);
  if (!ownerId) return 'the booking names no owner';
  // The spec's form (owner as a bare ID) needs the Login ID's user id: one request, then remembered.
  const mine = await userIdForLogin(z, login.value, 'matching the booking owner to your Login ID');
  // Halting (not skipping) puts the reason in the Zap's history, where the user will see it.
  if (mine === null) throw new z.errors.HaltedError(notAUser(login));
  return ownerId === mine ? null : `the booking is owned by another user (${ownerId})`;
}

/** `GET /bookings` filters for the same scope, so samples match what the Zap would run on. */
export async function scopeParams(
  z: ZObject,
  bundle: Bundle<TriggerInput>,
  defaultScope: BookingScope,
): Promise<Record<string, QueryValue>> {
  const scope = scopeOf(bundle.inputData, defaultScope);
  const params: Record<string, QueryValue> = {
    booking_page: scope.bookingPage,
    event_type: scope.eventType,
    booking_calendar: scope.bookingCalendar,
  };
  if (scope.all) return params;
  const login = loginOf(z, bundle);
  if (login.kind === 'account_id') return params;
  const owner = await userIdForLogin(z, login.value, 'loading your recent bookings');
  if (owner === null) throw new z.errors.Error(notAUser(login), 'LoginIdNotInAccount');
  return { ...params, owner };
}
