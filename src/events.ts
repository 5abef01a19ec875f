/**
 * The one table every booking trigger is generated from.
 *
 * Trigger keys are permanent: Zaps reference them, so a key may never be
 * renamed or removed once shipped. New behaviour gets a new row and a new key.
 */

/** OnceHub's booking webhook events, as named in its OpenAPI spec (`webhooks:`). */
export const BOOKING_EVENTS = [
  'booking.scheduled',
  'booking.rescheduled',
  'booking.canceled',
  'booking.canceled_then_rescheduled',
  'booking.canceled_reschedule_requested',
  'booking.completed',
  'booking.no_show',
  'booking.reassigned',
] as const;

export type BookingEvent = (typeof BOOKING_EVENTS)[number];

/** Booking statuses OnceHub can filter `GET /bookings` by. */
export type BookingStatus = 'requested' | 'scheduled' | 'rescheduled' | 'completed' | 'canceled' | 'no_show';

/** Whose bookings a Zap runs for: the Login ID's user's, or everyone's in the account. */
export type BookingScope = 'mine' | 'all';

export interface TriggerRow {
  /** Permanent Zapier trigger key. */
  readonly key: string;
  readonly label: string;
  /** Completes "Triggers when …": lower case, no trailing period. */
  readonly when: string;
  /** Events this trigger subscribes to. For the lifecycle trigger the user may narrow them. */
  readonly events: readonly BookingEvent[];
  /**
   * Status a booking has right after this event, used to pick matching real bookings as
   * samples. Absent where a status cannot tell the event apart (reassigned, lifecycle).
   */
  readonly sampleStatus?: BookingStatus;
  /** Only Booking Calendars accounts emit this event. */
  readonly bookingCalendarsOnly?: boolean;
  /** The user picks which of `events` to receive (all by default). */
  readonly userPicksEvents?: boolean;
  /** The Bookings input's default, when not the Login ID's own bookings. */
  readonly defaultScope?: BookingScope;
}

export const TRIGGERS: readonly TriggerRow[] = [
  {
    key: 'booking_scheduled',
    label: 'Booking Scheduled',
    when: 'a customer schedules a booking, or a user approves a requested booking',
    events: ['booking.scheduled'],
    sampleStatus: 'scheduled',
  },
  {
    key: 'booking_rescheduled',
    label: 'Booking Rescheduled',
    when: 'a customer reschedules a booking',
    events: ['booking.rescheduled'],
    sampleStatus: 'rescheduled',
  },
  {
    key: 'booking_canceled',
    label: 'Booking Canceled',
    when: 'a user or customer cancels a booking',
    events: ['booking.canceled'],
    sampleStatus: 'canceled',
  },
  {
    key: 'booking_canceled_then_rescheduled',
    label: 'Booking Canceled Then Rescheduled',
    when: 'a customer cancels a booking and books again on a different booking page',
    events: ['booking.canceled_then_rescheduled'],
    sampleStatus: 'canceled',
  },
  {
    key: 'booking_canceled_reschedule_requested',
    label: 'Booking Canceled With Reschedule Request',
    when: 'a user cancels a booking and asks the customer to book a new time',
    events: ['booking.canceled_reschedule_requested'],
    sampleStatus: 'canceled',
  },
  {
    key: 'booking_completed',
    label: 'Booking Completed',
    when: "a booking's end time has passed",
    events: ['booking.completed'],
    sampleStatus: 'completed',
  },
  {
    key: 'booking_no_show',
    label: 'Booking Marked No-Show',
    when: 'a user marks a completed booking as a no-show',
    events: ['booking.no_show'],
    sampleStatus: 'no_show',
  },
  {
    key: 'booking_reassigned',
    label: 'Booking Reassigned',
    when: 'a booking is reassigned to another user (Booking Calendars accounts)',
    events: ['booking.reassigned'],
    bookingCalendarsOnly: true,
    // A booking's owner stays the user who first accepted it (OnceHub spec), so "my bookings"
    // would fire for the previous host, never the new one: default to the whole account.
    defaultScope: 'all',
  },
  {
    key: 'booking_lifecycle_event',
    label: 'Booking Lifecycle Event',
    when: 'any of the booking events you pick happens (all of them by default)',
    events: BOOKING_EVENTS,
    userPicksEvents: true,
  },
];

/** Human labels for events, used in dropdown choices and Zap data. */
export const EVENT_LABELS: Readonly<Record<BookingEvent, string>> = {
  'booking.scheduled': 'Booking scheduled',
  'booking.rescheduled': 'Booking rescheduled',
  'booking.canceled': 'Booking canceled',
  'booking.canceled_then_rescheduled': 'Booking canceled then rescheduled',
  'booking.canceled_reschedule_requested': 'Booking canceled with reschedule request',
  'booking.completed': 'Booking completed',
  'booking.no_show': 'Booking marked no-show',
  'booking.reassigned': 'Booking reassigned (Booking Calendars)',
};

export function isBookingEvent(value: unknown): value is BookingEvent {
  return typeof value === 'string' && (BOOKING_EVENTS as readonly string[]).includes(value);
}
