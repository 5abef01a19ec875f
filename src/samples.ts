/**
 * The static sample Zapier shows when an account has no bookings yet. It is a OnceHub delivery
 * (Booking Pages account, references expanded as OnceHub's signed example sends them) passed
 * through the same `toItem` as live data, so its keys cannot drift from the real ones.
 * test/contract/ validates SAMPLE_EVENT against OnceHub's OpenAPI spec.
 */
import { toItem, type BookingItem } from './bookings';
import type { TriggerRow } from './events';
import type { Booking, WebhookEvent } from './oncehub';

export const SAMPLE_EVENT: WebhookEvent<Booking> = {
  id: 'EVNT-KN56U3YL7C',
  object: 'event',
  creation_time: '2026-03-22T09:49:12.140Z',
  type: 'booking.scheduled',
  api_version: 'v2',
  data: {
    object: 'booking',
    id: 'BKNG-J4FR05BKEWEX',
    tracking_id: 'D36E0002',
    subject: 'Live demo',
    status: 'scheduled',
    in_trash: false,
    creation_time: '2026-03-22T09:48:48.487Z',
    starting_time: '2026-03-24T14:30:00.000Z',
    customer_timezone: 'America/New_York',
    last_updated_time: '2026-03-22T09:48:48.753Z',
    duration_minutes: 60,
    virtual_conferencing: { join_url: 'https://meet.google.com/izv-daci-fyi' },
    location_description: '',
    rescheduled_booking_id: '',
    cancel_reschedule_url: 'https://oncehub.com/m/BKNG-J4FR05BKEWEX',
    cancel_reschedule_information: { reason: '', actioned_by: '', user_id: '' },
    attendees: ['andrea.hartie@example.com'],
    form_submission: {
      name: 'Carrie Customer',
      email: 'carrie.customer@example.com',
      phone: '+1 202 555 0195',
      mobile_phone: '+12025550195',
      note: 'I want to discuss whether your product can work for our office.',
      company: 'Customer Inc.',
      guests: ['sam.colleague@example.com'],
      custom_fields: [],
    },
    owner: {
      object: 'user',
      id: 'USR-FSD423423',
      first_name: 'Andrea',
      last_name: 'Hartie',
      email: 'andrea.hartie@example.com',
      status: 'active',
    },
    booking_page: {
      object: 'booking_page',
      id: 'BP-X0LCRU5LES',
      name: 'Andrea Hartie',
      label: 'AndreaHartie',
      url: 'https://go.oncehub.com/andreahartie',
      active: true,
    },
    master_page: null,
    event_type: {
      object: 'event_type',
      id: 'ET-7NC41GHIDZ',
      name: 'Live demo',
      description: 'Schedule a live demo with us for an in-depth look at our solutions.',
    },
    external_calendar: {
      type: 'google',
      name: 'andrea.hartie@example.com',
      id: 'andrea.hartie@example.com',
      event_id: '8kvu74dda8kcv0gmmlm3folrhc',
    },
    custom_fields: [],
    conversation: null,
  },
};

/** SAMPLE_EVENT's start in its customer's time zone; test/samples.test.ts checks it against inTimeZone. */
export const SAMPLE_START_IN_CUSTOMER_ZONE = '2026-03-24T10:30:00-04:00';

export function sampleFor(row: TriggerRow): BookingItem {
  const type = row.events[0] ?? 'booking.scheduled';
  return toItem(
    { ...SAMPLE_EVENT, type },
    { ...SAMPLE_EVENT.data, status: row.sampleStatus ?? SAMPLE_EVENT.data.status },
    () => SAMPLE_START_IN_CUSTOMER_ZONE,
  );
}
