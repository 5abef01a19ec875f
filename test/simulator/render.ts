import type { BookingRecord, Store } from './store';
import { iso } from './time';
import type {
  Booking,
  BookingBase,
  BookingPage,
  BookingWebhookData,
  EventType,
  MasterPage,
  Ref,
  User,
  Webhook,
} from './types';

/** Properties GET /bookings can expand (the spec's `expand` parameter description). */
export const EXPANDABLE = ['booking_page', 'master_page', 'event_type', 'owner'] as const;
export type Expandable = (typeof EXPANDABLE)[number];

export type WebhookRefs = 'expanded' | 'ids';

type Expands = (field: Expandable) => boolean;

export function userRef(store: Store, userId: string, expand: boolean): Ref<User> {
  if (!expand) return userId;
  const record = store.users.get(userId);
  if (!record || record.deleted) return { id: userId, object: 'user', deleted: true };
  return { ...record.user, teams: [...record.user.teams] };
}

function bookingPageRef(store: Store, id: string, expand: boolean): Ref<BookingPage> {
  const page = store.bookingPages.get(id)?.page;
  if (!expand) return id;
  return page ? { ...page } : { id, object: 'booking_page', deleted: true };
}

function masterPageRef(store: Store, id: string | null, expand: boolean): Ref<MasterPage> | null {
  if (id === null || !expand) return id;
  const page = store.masterPages.get(id)?.page;
  return page ? { ...page } : { id, object: 'master_page', deleted: true };
}

function eventTypeRef(store: Store, id: string | null, expand: boolean): Ref<EventType> | null {
  if (id === null || !expand) return id;
  const eventType = store.eventTypes.get(id)?.eventType;
  return eventType ? { ...eventType } : { id, object: 'event_type', deleted: true };
}

/** The fields REST and webhook bookings share, in the spec's BookingBase order. */
function renderBase(store: Store, booking: BookingRecord, expands: Expands): BookingBase {
  const host = store.users.get(booking.hostId)?.user;
  const base: BookingBase = {
    object: 'booking',
    id: booking.id,
    tracking_id: booking.trackingId,
    subject: booking.subject,
    status: booking.status,
    in_trash: false,
    creation_time: iso(booking.creationTime),
    starting_time: iso(booking.startingTime),
    customer_timezone: booking.customerTimezone,
    last_updated_time: iso(booking.lastUpdatedTime),
    duration_minutes: booking.durationMinutes,
    virtual_conferencing: { join_url: booking.joinUrl },
    location_description: booking.location,
    rescheduled_booking_id: booking.rescheduledBookingId,
    cancel_reschedule_information: { ...booking.cancelReschedule },
    attendees: [booking.form.email, ...booking.form.guests],
    form_submission: {
      ...booking.form,
      guests: [...booking.form.guests],
      custom_fields: booking.form.custom_fields.map((f) => ({ ...f })),
    },
    external_calendar: {
      type: 'google',
      name: host?.email ?? '',
      id: host?.email ?? '',
      event_id: booking.externalEventId,
    },
    custom_fields: booking.customFields.map((f) => ({ ...f })),
  };
  if (booking.product === 'booking_pages') {
    base.booking_page = bookingPageRef(store, booking.bookingPageId ?? '', expands('booking_page'));
    base.master_page = masterPageRef(store, booking.masterPageId, expands('master_page'));
    base.event_type = eventTypeRef(store, booking.eventTypeId, expands('event_type'));
  } else {
    base.ics_url = `https://oncehub.com/api/bookings/ics/${booking.icsToken}`;
    base.booking_calendar = booking.bookingCalendarId ?? '';
    base.cancel_url = `https://oncehub.com/m/${booking.id}/cancel`;
    base.reschedule_url = `https://oncehub.com/m/${booking.id}`;
    base.payment_information = booking.payment ? { ...booking.payment } : null;
  }
  return reorder(base);
}

/** Keeps the spec's property order so the JSON reads like the documented examples. */
function reorder(base: BookingBase): BookingBase {
  const order: (keyof BookingBase)[] = [
    'object',
    'id',
    'tracking_id',
    'subject',
    'status',
    'in_trash',
    'creation_time',
    'starting_time',
    'customer_timezone',
    'last_updated_time',
    'duration_minutes',
    'virtual_conferencing',
    'location_description',
    'rescheduled_booking_id',
    'cancel_reschedule_information',
    'attendees',
    'form_submission',
    'booking_page',
    'master_page',
    'event_type',
    'external_calendar',
    'ics_url',
    'booking_calendar',
    'cancel_url',
    'reschedule_url',
    'payment_information',
    'custom_fields',
  ];
  const out: Record<string, unknown> = {};
  for (const key of order) if (key in base) out[key] = base[key];
  return out as unknown as BookingBase;
}

/** GET /bookings shape: has contact and utm_params, never cancel_reschedule_url. */
export function renderRestBooking(store: Store, booking: BookingRecord, expand: ReadonlySet<Expandable>): Booking {
  return {
    ...renderBase(store, booking, (field) => expand.has(field)),
    owner: userRef(store, booking.ownerId, expand.has('owner')),
    conversation: null,
    utm_params: booking.utmParams ? { ...booking.utmParams } : null,
    contact: booking.contactId,
  };
}

/** Webhook `data` shape: no contact/utm_params, adds cancel_reschedule_url. */
export function renderWebhookBooking(store: Store, booking: BookingRecord, refs: WebhookRefs): BookingWebhookData {
  const expanded = refs === 'expanded';
  return {
    ...renderBase(store, booking, () => expanded),
    owner: userRef(store, booking.ownerId, expanded),
    conversation: null,
    cancel_reschedule_url: `https://oncehub.com/m/${booking.id}`,
  };
}

export function renderWebhook(webhook: Webhook & { secret: string }, includeSecret: boolean): Webhook {
  const { secret, ...rest } = webhook;
  const copy: Webhook = { ...rest, events: [...webhook.events] };
  if (includeSecret) copy.secret = secret;
  return copy;
}
