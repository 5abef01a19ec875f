/**
 * Samples for the Zap editor (`performList`): the user's real recent bookings, newest first,
 * in the same scope as the Zap and through the same `toItem` as live deliveries.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { toItem, type BookingItem } from './bookings';
import { getPage, type QueryValue } from './client';
import { TRIGGERS, type BookingEvent, type BookingStatus, type TriggerRow } from './events';
import type { Booking } from './oncehub';
import { defaultScopeOf, scopeParams, type TriggerInput } from './scope';

const PAGE_LIMIT = 100;
/** Enough pages to skip bookings in the trash; never an unbounded walk at 5 requests a second. */
const MAX_PAGES = 5;
const SAMPLE_COUNT = 3;
const DEFAULT_COUNT = 10;

/** The event a listed booking most likely went through last, for lifecycle samples. */
const EVENT_FOR_STATUS: Readonly<Record<BookingStatus, BookingEvent>> = {
  requested: 'booking.scheduled',
  scheduled: 'booking.scheduled',
  rescheduled: 'booking.rescheduled',
  canceled: 'booking.canceled',
  completed: 'booking.completed',
  no_show: 'booking.no_show',
};

function isStatus(value: unknown): value is BookingStatus {
  return typeof value === 'string' && Object.hasOwn(EVENT_FOR_STATUS, value);
}

function sampleEvent(row: TriggerRow, wanted: readonly BookingEvent[], booking: Booking): BookingEvent {
  const byStatus = isStatus(booking.status) ? EVENT_FOR_STATUS[booking.status] : undefined;
  if (byStatus && wanted.includes(byStatus)) return byStatus;
  return wanted[0] ?? row.events[0] ?? 'booking.scheduled';
}

/** Listed bookings have no event: a stable, recognisable id stands in for the event id. */
export function itemForListedBooking(row: TriggerRow, wanted: readonly BookingEvent[], booking: Booking): BookingItem {
  const type = sampleEvent(row, wanted, booking);
  return toItem({ id: `${booking.id}:${type}`, type, creation_time: booking.last_updated_time ?? '' }, booking);
}

/** The status every wanted event leaves a booking in, if they agree (from the trigger table). */
function statusFilter(wanted: readonly BookingEvent[]): BookingStatus | undefined {
  const statuses = new Set(
    wanted.map((event) => TRIGGERS.find((other) => other.events.length === 1 && other.events[0] === event)?.sampleStatus),
  );
  const [only] = statuses;
  return statuses.size === 1 ? only : undefined;
}

export async function listRecentBookings(
  z: ZObject,
  bundle: Bundle<TriggerInput>,
  row: TriggerRow,
  wanted: readonly BookingEvent[],
): Promise<BookingItem[]> {
  const count = bundle.meta?.isLoadingSample
    ? SAMPLE_COUNT
    : Math.min(bundle.meta?.limit > 0 ? bundle.meta.limit : DEFAULT_COUNT, PAGE_LIMIT);
  const params: Record<string, QueryValue> = {
    ...(await scopeParams(z, bundle, defaultScopeOf(row))),
    status: statusFilter(wanted),
    limit: count,
  };
  const what = 'loading your recent bookings';
  const items: BookingItem[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES && items.length < count; page += 1) {
    const { data, has_more } = await getPage<Booking>(z, '/bookings', { ...params, after }, what);
    for (const booking of data) {
      if (booking && typeof booking.id === 'string' && !booking.in_trash) items.push(itemForListedBooking(row, wanted, booking));
    }
    const last = data.at(-1)?.id;
    if (!has_more || !last || last === after) break;
    after = last;
  }
  return items.slice(0, count);
}
