/**
 * Turns OnceHub's booking (as delivered in a webhook, or as listed by `GET /bookings`) into the
 * flat item a Zap step maps from. Deliveries and samples both pass through `toItem`, so the Zap
 * editor's sample always has exactly the keys a live run has (Zapier checks D006/T006).
 */
import type { Booking, CustomField, Ref, WebhookEvent } from './oncehub';
import { EVENT_LABELS, isBookingEvent } from './events';
import { fullName } from './users';

// A type alias (not an interface) so it fits Zapier's `Record<string, unknown>` sample type.
export type BookingItem = {
  id: string;
  event: string;
  event_label: string;
  event_id: string;
  event_time: string | null;
  booking_id: string;
  tracking_id: string | null;
  subject: string | null;
  status: string | null;
  in_trash: boolean;
  product: 'booking_pages' | 'booking_calendars' | 'unknown';
  created_time: string | null;
  start_time: string | null;
  end_time: string | null;
  start_time_customer_timezone: string | null;
  last_updated_time: string | null;
  duration_minutes: number | null;
  customer_timezone: string | null;
  location: string | null;
  join_url: string | null;
  cancel_reschedule_url: string | null;
  cancel_url: string | null;
  reschedule_url: string | null;
  ics_url: string | null;
  cancel_reschedule_reason: string | null;
  cancel_reschedule_actioned_by: string | null;
  cancel_reschedule_user_id: string | null;
  rescheduled_booking_id: string | null;
  booker_name: string | null;
  booker_first_name: string | null;
  booker_last_name: string | null;
  booker_email: string | null;
  booker_phone: string | null;
  booker_mobile_phone: string | null;
  booker_company: string | null;
  booker_note: string | null;
  booker_guests: string[];
  attendees: string[];
  form_fields: Record<string, string>;
  custom_fields: Record<string, string>;
  owner_id: string | null;
  owner_name: string | null;
  owner_first_name: string | null;
  owner_last_name: string | null;
  owner_email: string | null;
  booking_page_id: string | null;
  booking_page_name: string | null;
  booking_page_url: string | null;
  master_page_id: string | null;
  master_page_name: string | null;
  event_type_id: string | null;
  event_type_name: string | null;
  booking_calendar_id: string | null;
  external_calendar_type: string | null;
  external_calendar_event_id: string | null;
  payment_amount_charged: number | null;
  payment_currency: string | null;
  payment_transaction_id: string | null;
  conversation_id: string | null;
};

/** OnceHub sends "" for absent text; a Zap is easier to filter on when absent means null. */
function text(value: unknown): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

export function refId<T extends { id: string }>(ref: Ref<T> | null | undefined): string | null {
  if (typeof ref === 'string') return text(ref);
  return ref && typeof ref === 'object' ? text(ref.id) : null;
}

function refObject<T extends object>(ref: Ref<T> | null | undefined): Partial<T> {
  return ref && typeof ref === 'object' ? ref : {};
}

function fieldValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(fieldValue).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Custom fields as label → value, so each one shows up as its own mappable field. */
function fieldMap(fields: CustomField[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of Array.isArray(fields) ? fields : []) {
    const name = text(field?.name);
    if (name) out[name] = fieldValue(field.value);
  }
  return out;
}

function splitName(name: string | null): [string | null, string | null] {
  if (!name) return [null, null];
  const parts = name.trim().split(/\s+/);
  const first = parts.shift() ?? null;
  return [first, parts.length > 0 ? parts.join(' ') : null];
}

function isoTime(value: unknown): string | null {
  const raw = text(value);
  return raw !== null && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : null;
}

function addMinutes(iso: string | null, minutes: number | null): string | null {
  return iso !== null && minutes !== null ? new Date(Date.parse(iso) + minutes * 60_000).toISOString() : null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The same instant written in `timeZone` with its offset, e.g. 2021-01-20T11:45:00-05:00. */
export function inTimeZone(iso: string | null, timeZone: string | null): string | null {
  if (iso === null || timeZone === null) return null;
  let format = offsetFormats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        timeZoneName: 'longOffset',
      });
    } catch {
      return null; // not an IANA zone OnceHub knows either; leave the field empty
    }
    offsetFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : (parts.timeZoneName ?? '').replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

function productOf(booking: Booking): BookingItem['product'] {
  if (text(booking.booking_calendar)) return 'booking_calendars';
  if (booking.booking_page) return 'booking_pages';
  return 'unknown';
}

export type ZoneFormatter = (iso: string | null, timeZone: string | null) => string | null;

/**
 * Builds the Zap item for one event about one booking. `zone` is replaceable only so the static
 * sample can be built at load time without Intl's time-zone data (about 8 MiB and 17 ms of every
 * cold start); live items always use `inTimeZone`.
 */
export function toItem(
  event: Pick<WebhookEvent, 'id' | 'type' | 'creation_time'>,
  booking: Booking,
  zone: ZoneFormatter = inTimeZone,
): BookingItem {
  const form = booking.form_submission ?? {};
  const owner = refObject(booking.owner);
  const page = refObject(booking.booking_page);
  const master = refObject(booking.master_page);
  const service = refObject(booking.event_type);
  const change = booking.cancel_reschedule_information ?? {};
  const payment = booking.payment_information ?? {};
  const start = isoTime(booking.starting_time);
  const duration = typeof booking.duration_minutes === 'number' ? booking.duration_minutes : null;
  const bookerName = text(form.name);
  const [bookerFirst, bookerLast] = splitName(bookerName);
  const timeZone = text(booking.customer_timezone);

  return {
    id: event.id,
    event: event.type,
    event_label: isBookingEvent(event.type) ? EVENT_LABELS[event.type] : event.type,
    event_id: event.id,
    event_time: isoTime(event.creation_time),
    booking_id: booking.id,
    tracking_id: text(booking.tracking_id),
    subject: text(booking.subject),
    status: text(booking.status),
    in_trash: booking.in_trash === true,
    product: productOf(booking),
    created_time: isoTime(booking.creation_time),
    start_time: start,
    end_time: addMinutes(start, duration),
    start_time_customer_timezone: zone(start, timeZone),
    last_updated_time: isoTime(booking.last_updated_time),
    duration_minutes: duration,
    customer_timezone: timeZone,
    location: text(booking.location_description),
    join_url: text(booking.virtual_conferencing?.join_url),
    cancel_reschedule_url: text(booking.cancel_reschedule_url),
    cancel_url: text(booking.cancel_url),
    reschedule_url: text(booking.reschedule_url),
    ics_url: text(booking.ics_url),
    cancel_reschedule_reason: text(change.reason),
    cancel_reschedule_actioned_by: text(change.actioned_by),
    cancel_reschedule_user_id: text(change.user_id),
    rescheduled_booking_id: text(booking.rescheduled_booking_id),
    booker_name: bookerName,
    booker_first_name: bookerFirst,
    booker_last_name: bookerLast,
    booker_email: text(form.email),
    booker_phone: text(form.phone),
    booker_mobile_phone: text(form.mobile_phone),
    booker_company: text(form.company),
    booker_note: text(form.note),
    booker_guests: strings(form.guests),
    attendees: strings(booking.attendees),
    form_fields: fieldMap(form.custom_fields),
    custom_fields: fieldMap(booking.custom_fields),
    owner_id: refId(booking.owner),
    owner_name: text(fullName(owner)),
    owner_first_name: text(owner.first_name),
    owner_last_name: text(owner.last_name),
    owner_email: text(owner.email),
    booking_page_id: refId(booking.booking_page),
    booking_page_name: text(page.name),
    booking_page_url: text(page.url),
    master_page_id: refId(booking.master_page),
    master_page_name: text(master.name),
    event_type_id: refId(booking.event_type),
    event_type_name: text(service.name),
    booking_calendar_id: text(booking.booking_calendar),
    external_calendar_type: text(booking.external_calendar?.type),
    external_calendar_event_id: text(booking.external_calendar?.event_id),
    payment_amount_charged: typeof payment.amount_charged === 'number' ? payment.amount_charged : null,
    payment_currency: text(payment.currency),
    payment_transaction_id: text(payment.transaction_id),
    conversation_id: refId(booking.conversation),
  };
}
